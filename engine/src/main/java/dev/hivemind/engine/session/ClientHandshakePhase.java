package dev.hivemind.engine.session;

import dev.hivemind.api.auth.AuthStep;
import dev.hivemind.api.auth.ClientAuthExchange;
import dev.hivemind.api.auth.ClientAuthFactory;
import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.auth.ClientStart;
import dev.hivemind.api.error.AuthenticationException;
import dev.hivemind.api.error.HandshakeTimeoutException;
import dev.hivemind.api.error.NegotiationException;
import dev.hivemind.api.error.ProtocolViolationException;
import dev.hivemind.api.handshake.ClientHandshake;
import dev.hivemind.api.handshake.ClientHello;
import dev.hivemind.api.handshake.HandshakeOffer;
import dev.hivemind.api.handshake.HandshakeResponse;
import dev.hivemind.api.handshake.ServerHello;
import dev.hivemind.api.transport.Connection;
import dev.hivemind.api.wire.CipherSuite;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.MessageType;
import dev.hivemind.api.wire.ProtocolVersion;
import dev.hivemind.api.wire.TextEncoding;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.slf4j.LoggerFactory;

/**
 * The satellite's side of one handshake, from the server's HELLO and offer to our HELLO under the new key: the
 * version check, the configured methods' exchanges (never another method), the check of the server's choices against
 * what we offered, and the deadline. It moves its {@link ClientSession} through the states before
 * {@link ClientState#ESTABLISHED}, then hands over and is dropped, as Netty's handshake handlers remove themselves.
 *
 * <p>Runs on the connection's thread; auth steps that ran on the worker pool hop back to it.
 */
final class ClientHandshakePhase {
    private final ClientSession session;
    private final Connection connection;
    private final ClientCredentials credentials;
    private final String serverAddress;
    private final List<ClientAuthFactory> methods;
    private final ClientOptions options;
    private final SessionEnvironment env;
    private final SessionKeys keys;

    private final OpenExchanges<ClientAuthExchange> exchanges =
            new OpenExchanges<>(ClientAuthExchange::close, LoggerFactory.getLogger(ClientSession.class));
    private final Deadline deadline = new Deadline();
    private ServerHello hello;
    private ClientAuthExchange active;
    private ClientAuthFactory activeMethod;
    private boolean askedBinarize;
    private long openedNanos;

    ClientHandshakePhase(ClientSession session, Connection connection, ClientCredentials credentials,
            String serverAddress, List<ClientAuthFactory> methods, ClientOptions options, SessionEnvironment env,
            SessionKeys keys) {
        this.session = session;
        this.connection = connection;
        this.credentials = credentials;
        this.serverAddress = serverAddress;
        this.methods = methods;
        this.options = options;
        this.env = env;
        this.keys = keys;
    }

    /** Starts the clock and the deadline. */
    void open() {
        openedNanos = env.nanoTime().getAsLong();
        deadline.start(env.scheduler(), options.handshakeTimeout(), connection.executor(), this::onDeadline);
    }

    /** A decoded frame that arrived before the session was established. */
    void onMessage(SessionFraming.Inbound in) {
        HiveMessage msg = in.message();
        MessageType type = msg.type();
        switch (session.state()) {
            case AWAIT_HELLO -> {
                if (type != MessageType.HELLO) {
                    throw unexpected(type);
                }
                hello = ServerHello.fromPayload(msg.payload());
                session.enter(ClientState.AWAIT_OFFER);
            }
            case AWAIT_OFFER -> {
                if (type != MessageType.HANDSHAKE || HandshakeResponse.isResponse(msg.payload())) {
                    throw unexpected(type);
                }
                onOffer(HandshakeOffer.fromPayload(msg.payload()));
            }
            case AUTHENTICATING -> {
                if (type != MessageType.HANDSHAKE || active == null) {
                    throw unexpected(type);
                }
                if (!HandshakeResponse.isResponse(msg.payload())) {
                    throw new ProtocolViolationException("unexpected shake", "a second HANDSHAKE offer during the handshake");
                }
                onResponse(HandshakeResponse.fromPayload(msg.payload()));
            }
            default -> throw unexpected(type);
        }
    }

    /** How long the handshake took until now. */
    Duration elapsed() {
        return Duration.ofNanos(env.nanoTime().getAsLong() - openedNanos);
    }

    /** Ends the phase: cancels the deadline and closes the exchanges, zeroing what they hold. Idempotent. */
    void finish() {
        deadline.cancel();
        exchanges.closeAll();
    }

    private void onOffer(HandshakeOffer offer) {
        if (offer.maxProtocolVersion() < options.minProtocolVersion()
                || offer.minProtocolVersion() > options.maxProtocolVersion()
                || offer.minProtocolVersion() > offer.maxProtocolVersion()) {
            throw new NegotiationException("protocol version mismatch", "server offers versions "
                    + offer.minProtocolVersion() + ".." + offer.maxProtocolVersion() + ", we accept "
                    + options.minProtocolVersion() + ".." + options.maxProtocolVersion());
        }
        ClientAuthFactory primary = methods.stream().filter(ClientAuthFactory::isHandshake).findFirst()
                .orElse(methods.get(0));
        for (ClientAuthFactory m : methods) {
            if (m.isHandshake()) {
                continue;
            }
            boolean isPrimary = m == primary;
            if (!isPrimary && !offer.flag(m.offerFlag().orElse(m.name()))) {
                continue; // an auxiliary pre-shared key the server does not hold for us: not needed
            }
            ClientAuthExchange exchange = exchanges.track(m.newExchange(context()));
            ClientStart start = exchange.start(offer);
            if (start instanceof ClientStart.KeyReady ready) {
                keys.install(ready.key(), CipherSuite.AES_GCM, TextEncoding.JSON_HEX, false, m.name(), ProtocolVersion.ZERO);
            } else {
                throw new ProtocolViolationException("auth method misbehaved",
                        "key method '" + m.name() + "' asked for a handshake");
            }
        }
        if (!primary.isHandshake()) {
            if (!keys.present()) {
                throw new AuthenticationException("no session key from '" + primary.name() + "'");
            }
            establish();
            return;
        }
        active = exchanges.track(primary.newExchange(context()));
        activeMethod = primary;
        ClientStart start = active.start(offer);
        if (!(start instanceof ClientStart.SendHandshake send)) {
            throw new ProtocolViolationException("auth method misbehaved",
                    "handshake method '" + primary.name() + "' did not produce a HANDSHAKE");
        }
        askedBinarize = offer.binarize() && options.binarize();
        ClientHandshake hs = new ClientHandshake(askedBinarize,
                options.encodings().stream().map(TextEncoding::wireName).toList(),
                options.ciphers().stream().map(CipherSuite::wireName).toList(), send.authFields());
        sendHandshakeMessage(HiveMessage.builder(MessageType.HANDSHAKE).payload(hs.toPayload()).build());
        session.enter(ClientState.AUTHENTICATING);
    }

    private void onResponse(HandshakeResponse response) {
        Negotiation.Choice choice = Negotiation.verifyChoice(response.cipher(), response.encoding(), options.ciphers(),
                options.encodings());
        ClientAuthExchange exchange = active;
        CompletionStage<AuthStep> step = exchange.onServerResponse(response);
        step.whenComplete((result, error) -> connection.executor().execute(() -> onAuthStep(choice, result, error)));
    }

    private void onAuthStep(Negotiation.Choice choice, AuthStep result, Throwable error) {
        if (session.state() != ClientState.AUTHENTICATING) {
            AuthSteps.discard(result);
            return;
        }
        Failures.guard(() -> {
            AuthStep step = AuthSteps.settle(result, error);
            if (step instanceof AuthStep.Continue c) {
                Map<String, Object> payload = new LinkedHashMap<>(c.fields());
                sendHandshakeMessage(HiveMessage.builder(MessageType.HANDSHAKE).payload(payload).build());
                return;
            }
            AuthStep.Succeeded s = (AuthStep.Succeeded) step;
            keys.install(s.key(), choice.cipher(), choice.encoding(), askedBinarize, activeMethod.name(),
                    askedBinarize ? ProtocolVersion.TWO : ProtocolVersion.ONE);
            establish();
        }, session::fail, "cannot complete the handshake");
    }

    /** Sends our HELLO under the session key, then hands the session over. */
    private void establish() {
        String pubkey = active == null ? null : active.helloPublicKey().orElse(null);
        Map<String, Object> sessionIds = new LinkedHashMap<>();
        sessionIds.put("session_id", session.sessionId());
        sessionIds.put("site_id", options.siteId());
        ClientHello clientHello = new ClientHello(pubkey != null ? pubkey : options.helloPublicKey(), sessionIds,
                options.siteId());
        Map<String, Object> payload = new LinkedHashMap<>(clientHello.toPayload());
        if (options.hub()) {
            payload.put("node_type", "hub");
        }
        HiveMessage msg = HiveMessage.builder(MessageType.HELLO).payload(payload).build();
        KeyState key = keys.current();
        connection.send(env.framing().encrypted(msg, key.crypto(), key.encoding(), false));
        session.establish();
    }

    /** HANDSHAKE frames from a client go encrypted when a pre-shared key is already in force, as Python does. */
    private void sendHandshakeMessage(HiveMessage msg) {
        KeyState key = keys.current();
        connection.send(key == null ? env.framing().plain(msg)
                : env.framing().encrypted(msg, key.crypto(), key.encoding(), false));
    }

    private void onDeadline() {
        ClientState state = session.state();
        if (state != ClientState.ESTABLISHED && state != ClientState.CLOSED) {
            session.fail(new HandshakeTimeoutException("no established session after "
                    + options.handshakeTimeout().toMillis() + " ms (state " + state + ")"));
        }
    }

    private ClientExchangeContext context() {
        return new ClientExchangeContext(credentials, hello, serverAddress, env, connection);
    }

    private ProtocolViolationException unexpected(MessageType type) {
        return new ProtocolViolationException("unexpected " + type.wireName(),
                "unexpected " + type.wireName() + " in state " + session.state());
    }
}
