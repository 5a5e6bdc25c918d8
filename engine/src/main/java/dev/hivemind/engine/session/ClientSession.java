package dev.hivemind.engine.session;

import dev.hivemind.api.agent.SessionInfo;
import dev.hivemind.api.auth.ClientAuthFactory;
import dev.hivemind.api.auth.AuthStep;
import dev.hivemind.api.auth.ClientAuthContext;
import dev.hivemind.api.auth.ClientAuthExchange;
import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.auth.ClientStart;
import dev.hivemind.api.error.AuthenticationException;
import dev.hivemind.api.error.CloseCode;
import dev.hivemind.api.error.FrameTooLargeException;
import dev.hivemind.api.error.ConnectionClosedException;
import dev.hivemind.api.error.HandshakeTimeoutException;
import dev.hivemind.api.error.HiveMindException;
import dev.hivemind.api.error.NegotiationException;
import dev.hivemind.api.error.ProtocolViolationException;
import dev.hivemind.api.error.TransportClosedException;
import dev.hivemind.api.handshake.ClientHandshake;
import dev.hivemind.api.handshake.ClientHello;
import dev.hivemind.api.handshake.HandshakeOffer;
import dev.hivemind.api.handshake.HandshakeResponse;
import dev.hivemind.api.handshake.ServerHello;
import dev.hivemind.api.transport.Connection;
import dev.hivemind.api.transport.ConnectionHandler;
import dev.hivemind.api.transport.Frame;
import dev.hivemind.api.wire.CipherSuite;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.MessageType;
import dev.hivemind.api.wire.ProtocolVersion;
import dev.hivemind.api.wire.TextEncoding;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The satellite's side of one connection, the mirror of {@link ServerSession}: wait for HELLO and the offer, run the
 * configured auth method (never another one), check the server's choices against what we offered, send our HELLO
 * under the new key, then exchange encrypted messages.
 *
 * <p>Configured methods: at most one handshake method (password, rsa, or a plugin) is the <em>primary</em> method and
 * must be offered, or the connection fails as a downgrade. A key method (psk) is used as the initial key when the
 * server offers it; when it is the only configured method it is the primary one.
 */
public final class ClientSession implements ConnectionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ClientSession.class);

    private final Connection connection;
    private final ClientCredentials credentials;
    private final String serverAddress;
    private final List<ClientAuthFactory> methods;
    private final ClientOptions options;
    private final SessionEnvironment env;
    private final ClientSessionListener listener;
    private final String sessionId = UUID.randomUUID().toString();
    private final SatelliteBusContext busContext;

    private ClientState state = ClientState.AWAIT_HELLO;
    private ServerHello hello;
    private final SessionKeys keys;
    private final List<ClientAuthExchange> exchanges = new ArrayList<>();
    private ClientAuthExchange active;
    private ClientAuthFactory activeMethod;
    private boolean askedBinarize;
    private final Deadline deadline = new Deadline();
    private long openedNanos;
    private SessionInfo info;
    private HiveMindException failure;

    /** Messages handed to {@link #send} and not yet written or refused. */
    private final java.util.concurrent.atomic.AtomicInteger unsent = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * @param connection    the transport connection
     * @param credentials   the user's credentials
     * @param serverAddress {@code host:port}, the key for pinned server keys
     * @param methods       the configured auth methods (at most one handshake method)
     * @param options       client policy
     * @param env           shared services
     * @param listener      receives the outcome and messages
     */
    public ClientSession(Connection connection, ClientCredentials credentials, String serverAddress,
            List<ClientAuthFactory> methods, ClientOptions options, SessionEnvironment env,
            ClientSessionListener listener) {
        long handshakeMethods = methods.stream().filter(ClientAuthFactory::isHandshake).count();
        if (methods.isEmpty() || handshakeMethods > 1) {
            throw new IllegalArgumentException("configure one handshake method (and optionally a pre-shared key); got "
                    + methods.stream().map(ClientAuthFactory::name).toList());
        }
        this.connection = connection;
        this.credentials = credentials;
        this.serverAddress = serverAddress;
        this.methods = List.copyOf(methods);
        this.options = options;
        this.env = env;
        this.listener = listener;
        this.keys = new SessionKeys(env.random(), env.crypto().replayCacheSize());
        this.busContext = new SatelliteBusContext(sessionId, options.siteId(), options.userAgent());
    }

    public ClientState state() {
        return state;
    }

    /** What was negotiated, once established. */
    public Optional<SessionInfo> sessionInfo() {
        return Optional.ofNullable(info);
    }

    /** Our session id, announced in HELLO. */
    public String sessionId() {
        return sessionId;
    }

    /**
     * Sends an application message under the session key; a BUS message gets the context a hub needs (our session,
     * see {@link SatelliteBusContext}). Safe from any thread. The stage completes once the frame is handed to the
     * socket, or fails with the reason: an {@link IllegalStateException} before the session is established, the
     * error that ended the session once it is closed, or the transport's refusal.
     */
    public CompletionStage<Void> send(HiveMessage message) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        unsent.incrementAndGet();
        written.whenComplete((done, error) -> unsent.decrementAndGet());
        connection.executor().execute(() -> {
            if (state != ClientState.ESTABLISHED) {
                written.completeExceptionally(notEstablished());
                return;
            }
            HiveMessage outgoing = busContext.complete(message);
            Failures.guard(() -> connection.send(keys.seal(env.framing(), outgoing)).whenComplete((v, e) -> {
                if (e == null) {
                    written.complete(null);
                } else {
                    written.completeExceptionally(Failures.typed(e, "cannot send"));
                }
            }), this::fail, "cannot encode outgoing message");
            if (state == ClientState.CLOSED && !written.isDone()) {
                written.completeExceptionally(notEstablished());
            }
        });
        return written;
    }

    /** Whether the connection's outgoing buffer is above its high-water mark (the hub reads slowly). */
    public boolean writeQueueFull() {
        return connection.writeQueueFull();
    }

    private RuntimeException notEstablished() {
        if (state == ClientState.CLOSED) {
            return failure != null ? failure : new ConnectionClosedException(CloseCode.NORMAL.code(), "session closed");
        }
        return new IllegalStateException("the session is not established yet (" + state + ")");
    }

    /** Messages handed to {@link #send} that the transport has not written yet (a sender's backpressure signal). */
    public int unsent() {
        return unsent.get();
    }

    /** Closes the session normally. Safe from any thread. */
    public void close() {
        connection.executor().execute(() -> {
            if (state != ClientState.CLOSED) {
                release(CloseCode.NORMAL.code(), "bye", null);
                connection.close(CloseCode.NORMAL, "bye");
            }
        });
    }

    /** Ends the session with {@code error} (its close code and reason go to the server). Safe from any thread. */
    public void abort(HiveMindException error) {
        connection.executor().execute(() -> fail(error));
    }

    // ---------------------------------------------------------------- ConnectionHandler

    @Override
    public void onOpen() {
        openedNanos = env.nanoTime().getAsLong();
        deadline.start(env.scheduler(), options.handshakeTimeout(), connection.executor(), this::onDeadline);
    }

    @Override
    public void onFrame(Frame frame) {
        if (state == ClientState.CLOSED) {
            return;
        }
        Failures.guard(() -> handle(frame), this::fail, "unexpected error while handling a frame");
    }

    @Override
    public void onClosed(int code, String reason) {
        if (state == ClientState.CLOSED) {
            return;
        }
        HiveMindException cause = connection.closedLocally() ? new TransportClosedException(code, reason)
                : state == ClientState.ESTABLISHED && (code == 1000 || code == 1001)
                ? null : new ConnectionClosedException(code, reason);
        release(code, reason, cause);
    }

    // ---------------------------------------------------------------- protocol

    private void handle(Frame frame) {
        if (frame.size() > env.limits().maxFrameBytes()) {
            throw new FrameTooLargeException("message too big",
                    "frame of " + frame.size() + " bytes exceeds " + env.limits().maxFrameBytes());
        }
        SessionFraming.Inbound in = env.framing().decode(frame, keys.present() ? keys.current().crypto() : null,
                keys.present() ? keys.current().encoding() : TextEncoding.JSON_HEX);
        HiveMessage msg = in.message();
        MessageType type = msg.type();
        switch (state) {
            case AWAIT_HELLO -> {
                if (type != MessageType.HELLO) {
                    throw unexpected(type);
                }
                hello = ServerHello.fromPayload(msg.payload());
                state = ClientState.AWAIT_OFFER;
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
            case ESTABLISHED -> {
                if (type == MessageType.HANDSHAKE || type == MessageType.HELLO) {
                    throw new ProtocolViolationException("unexpected " + type.wireName(),
                            type.wireName() + " after the handshake completed");
                }
                if (!in.encrypted() && options.requireEncryption()) {
                    throw new ProtocolViolationException("encryption required",
                            "plaintext " + type.wireName() + " frame after the session key was established");
                }
                listener.onMessage(msg);
            }
            default -> throw unexpected(type);
        }
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
            ClientAuthExchange exchange = track(m.newExchange(new Context()));
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
        active = track(primary.newExchange(new Context()));
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
        state = ClientState.AUTHENTICATING;
    }

    private void onResponse(HandshakeResponse response) {
        Negotiation.Choice choice = Negotiation.verifyChoice(response.cipher(), response.encoding(), options.ciphers(),
                options.encodings());
        ClientAuthExchange exchange = active;
        CompletionStage<AuthStep> step = exchange.onServerResponse(response);
        step.whenComplete((result, error) -> connection.executor().execute(() -> onAuthStep(choice, result, error)));
    }

    private void onAuthStep(Negotiation.Choice choice, AuthStep result, Throwable error) {
        if (state != ClientState.AUTHENTICATING) {
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
        }, this::fail, "cannot complete the handshake");
    }

    private void establish() {
        String pubkey = active == null ? null : active.helloPublicKey().orElse(null);
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("session_id", sessionId);
        session.put("site_id", options.siteId());
        ClientHello clientHello = new ClientHello(pubkey != null ? pubkey : options.helloPublicKey(), session,
                options.siteId());
        Map<String, Object> payload = new LinkedHashMap<>(clientHello.toPayload());
        if (options.hub()) {
            payload.put("node_type", "hub");
        }
        HiveMessage msg = HiveMessage.builder(MessageType.HELLO).payload(payload).build();
        KeyState key = keys.current();
        connection.send(env.framing().encrypted(msg, key.crypto(), key.encoding(), false));
        state = ClientState.ESTABLISHED;
        deadline.cancel();
        closeExchanges();
        info = new SessionInfo(keys.authMethod(), keys.version(), key.cipher(), key.encoding(), key.binarize(),
                Duration.ofNanos(env.nanoTime().getAsLong() - openedNanos));
        LOG.debug("session established with {}: {}", serverAddress, info);
        listener.onEstablished(info);
    }

    /** HANDSHAKE frames from a client go encrypted when a pre-shared key is already in force, as Python does. */
    private void sendHandshakeMessage(HiveMessage msg) {
        KeyState key = keys.current();
        connection.send(key == null ? env.framing().plain(msg)
                : env.framing().encrypted(msg, key.crypto(), key.encoding(), false));
    }

    private void onDeadline() {
        if (state != ClientState.ESTABLISHED && state != ClientState.CLOSED) {
            fail(new HandshakeTimeoutException("no established session after "
                    + options.handshakeTimeout().toMillis() + " ms (state " + state + ")"));
        }
    }

    // ---------------------------------------------------------------- helpers

    private ClientAuthExchange track(ClientAuthExchange exchange) {
        exchanges.add(exchange);
        return exchange;
    }

    private ProtocolViolationException unexpected(MessageType type) {
        return new ProtocolViolationException("unexpected " + type.wireName(),
                "unexpected " + type.wireName() + " in state " + state);
    }

    private void fail(HiveMindException error) {
        if (state == ClientState.CLOSED) {
            return;
        }
        LOG.debug("session with {} failed: {} ({})", serverAddress, dev.hivemind.api.log.LogSafe.message(
                error.getMessage()), error.closeCode());
        release(error.closeCode().code(), error.reason(), error);
        connection.close(error.closeCode(), error.reason());
    }

    private void release(int code, String reason, HiveMindException cause) {
        if (state == ClientState.CLOSED) {
            return;
        }
        state = ClientState.CLOSED;
        failure = cause;
        deadline.cancel();
        closeExchanges();
        keys.close();
        listener.onClosed(code, reason, cause);
    }

    /** The typed reason the session failed, if it did. */
    public Optional<HiveMindException> failure() {
        return Optional.ofNullable(failure);
    }

    private void closeExchanges() {
        for (ClientAuthExchange e : exchanges) {
            try {
                e.close();
            } catch (RuntimeException ex) {
                LOG.debug("auth exchange close failed", ex);
            }
        }
        exchanges.clear();
    }

    /** The auth context handed to this session's exchanges. */
    private final class Context implements ClientAuthContext {
        @Override
        public ClientCredentials credentials() {
            return credentials;
        }

        @Override
        public ServerHello serverHello() {
            return hello;
        }

        @Override
        public String serverAddress() {
            return serverAddress;
        }

        @Override
        public SecureRandom random() {
            return env.random();
        }

        @Override
        public <T> CompletionStage<T> compute(Supplier<T> task) {
            return env.workers().compute(task, connection.executor());
        }
    }
}
