package dev.hivemind.engine.session;

import dev.hivemind.api.auth.AuthStep;
import dev.hivemind.api.auth.ServerAuthExchange;
import dev.hivemind.api.auth.SessionKey;
import dev.hivemind.api.error.AuthenticationException;
import dev.hivemind.api.error.HandshakeTimeoutException;
import dev.hivemind.api.error.NegotiationException;
import dev.hivemind.api.error.PolicyViolationException;
import dev.hivemind.api.error.ProtocolViolationException;
import dev.hivemind.api.handshake.ClientHandshake;
import dev.hivemind.api.handshake.ClientHello;
import dev.hivemind.api.handshake.HandshakeResponse;
import dev.hivemind.api.handshake.ServerHello;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.transport.Connection;
import dev.hivemind.api.transport.Frame;
import dev.hivemind.api.wire.CipherSuite;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.MessageType;
import dev.hivemind.api.wire.ProtocolVersion;
import dev.hivemind.api.wire.TextEncoding;
import dev.hivemind.engine.auth.MethodGrant;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.slf4j.LoggerFactory;

/**
 * The hub's side of one handshake, from its HELLO and offer to the client's sealed HELLO: method selection, the auth
 * exchange's steps, the attempt bound, first-use enrolment and the deadline. It moves its {@link ServerSession}
 * through the states before {@link ServerState#ESTABLISHED}, then hands over and is dropped, as Netty's handshake
 * handlers remove themselves from the pipeline.
 *
 * <p>Runs on the connection's thread; auth steps and enrolment complete elsewhere and hop back to it.
 */
final class ServerHandshakePhase {
    private final ServerSession session;
    private final Connection connection;
    private final ClientRecord client;
    private final String nodeId;
    private final String nodePublicKey;
    private final GrantedMethods methods;
    private final SessionEnvironment env;
    private final ServerSessionListener listener;
    private final SessionKeys keys;

    private final OpenExchanges<ServerAuthExchange> exchanges =
            new OpenExchanges<>(ServerAuthExchange::close, LoggerFactory.getLogger(ServerSession.class));
    private final FirstUseHold firstUse = new FirstUseHold();
    private final Deadline deadline = new Deadline();
    private ServerHello hello;
    private ServerAuthExchange active;
    private MethodGrant activeGrant;
    private Negotiation.Choice pendingChoice;
    private boolean pendingBinarize;
    private int attempts;
    private long openedNanos;

    ServerHandshakePhase(ServerSession session, String nodeId, String nodePublicKey, GrantedMethods methods,
            SessionEnvironment env, ServerSessionListener listener, SessionKeys keys) {
        this.session = session;
        this.connection = session.connection();
        this.client = session.client();
        this.nodeId = nodeId;
        this.nodePublicKey = nodePublicKey;
        this.methods = methods;
        this.env = env;
        this.listener = listener;
        this.keys = keys;
    }

    /** Starts the clock and the deadline, then sends HELLO and the offer. */
    void open() {
        openedNanos = env.nanoTime().getAsLong();
        deadline.start(env.scheduler(), env.handshake().timeout(), connection.executor(), this::onDeadline);
        Failures.guard(this::start, session::fail, "cannot start session");
    }

    private void start() {
        hello = new ServerHello(nodePublicKey, session.peerId(), nodeId);
        sendPlain(MessageType.HELLO, hello.toPayload());

        GrantedMethods.Plan plan = methods.plan();
        sendPlain(MessageType.HANDSHAKE, plan.offer().toPayload());

        for (MethodGrant g : plan.keyMethods()) {
            ServerAuthExchange exchange = exchanges.track(g.method().newExchange(context(g)));
            Optional<SessionKey> psk = exchange.keyBeforeHandshake();
            if (psk.isPresent()) {
                // in force now, but the session counts as authenticated only once a frame opened under it
                keys.install(psk.get(), CipherSuite.AES_GCM, TextEncoding.JSON_HEX, false, g.name(), ProtocolVersion.ZERO);
                break;
            }
        }
        session.enter(ServerState.AWAIT_HANDSHAKE);
    }

    /** A decoded frame that arrived before the session was established (and not while enrolling). */
    void onMessage(SessionFraming.Inbound in) {
        HiveMessage msg = in.message();
        MessageType type = msg.type();
        ServerState state = session.state();
        if (!(state == ServerState.AWAIT_HANDSHAKE && type == MessageType.HANDSHAKE)) {
            requireSealed(in);
        }
        switch (state) {
            case AWAIT_HANDSHAKE -> {
                if (type == MessageType.HANDSHAKE) {
                    onClientHandshake(msg);
                } else if (type == MessageType.HELLO && keys.present()) {
                    onClientHello(msg);
                } else {
                    throw unexpected(type);
                }
            }
            case AUTHENTICATING -> throw unexpected(type);
            case AWAIT_HELLO -> {
                if (type != MessageType.HELLO) {
                    throw unexpected(type);
                }
                onClientHello(msg);
            }
            default -> throw unexpected(type);
        }
    }

    /** Holds a frame that arrived while the client's credential is being enrolled. */
    void hold(Frame frame) {
        firstUse.hold(frame);
    }

    /** How long the handshake took until now. */
    Duration elapsed() {
        return Duration.ofNanos(env.nanoTime().getAsLong() - openedNanos);
    }

    /** Ends the phase: cancels the deadline and closes the exchanges, zeroing what they hold. Idempotent. */
    void finish() {
        deadline.cancel();
        exchanges.closeAll();
        active = null;
    }

    /** Ends the phase because the session closed: also forgets a pending enrolment and the frames held for it. */
    void abandon() {
        finish();
        firstUse.clear();
        firstUse.drain();
    }

    /**
     * Once a key exists only a frame sealed under it proves the peer holds it: before the session is established, a
     * plaintext frame is refused, whatever {@code require_encryption} says. The one exception is the client's
     * HANDSHAKE while a pre-shared key is in force: it starts a fresh key exchange (hivemind-core's satellites that
     * hold a password but not the pre-shared key send it in clear), the exchanged key replaces the pre-shared one,
     * and the session is still established only by a HELLO sealed under the exchanged key.
     */
    private void requireSealed(SessionFraming.Inbound in) {
        if (keys.present() && !in.encrypted()) {
            throw new ProtocolViolationException("encryption required", "plaintext " + in.message().type().wireName()
                    + " in state " + session.state() + " after the session key exists");
        }
    }

    private void onClientHandshake(HiveMessage msg) {
        if (++attempts > env.handshake().maxAttempts()) {
            throw new PolicyViolationException("too many handshake attempts",
                    "more than " + env.handshake().maxAttempts() + " HANDSHAKE frames");
        }
        ClientHandshake hs = ClientHandshake.fromPayload(msg.payload());
        MethodGrant grant = active != null ? activeGrant : methods.select(hs);
        Negotiation.Choice choice = Negotiation.choose(hs.ciphers(), hs.encodings(), env.crypto().allowedCiphers(),
                env.crypto().allowedEncodings());
        pendingChoice = choice;
        pendingBinarize = env.handshake().binarize() && Boolean.TRUE.equals(hs.binarize());
        if (env.handshake().minProtocolVersion() >= 2 && !pendingBinarize) {
            throw new NegotiationException("protocol version too low",
                    "minimum protocol version 2 needs binarize, the client did not ask for it");
        }
        if (active == null) {
            active = exchanges.track(grant.method().newExchange(context(grant)));
            activeGrant = grant;
        }
        session.enter(ServerState.AUTHENTICATING);
        CompletionStage<AuthStep> step = active.onClientHandshake(hs);
        step.whenComplete((result, error) -> connection.executor().execute(() -> onAuthStep(result, error)));
    }

    private void onAuthStep(AuthStep result, Throwable error) {
        if (session.state() != ServerState.AUTHENTICATING) {
            AuthSteps.discard(result);
            return;
        }
        Failures.guard(() -> {
            AuthStep step = AuthSteps.settle(result, error);
            if (step instanceof AuthStep.Continue c) {
                sendPlain(MessageType.HANDSHAKE, c.fields());
                session.enter(ServerState.AWAIT_HANDSHAKE);
                return;
            }
            AuthStep.Succeeded s = (AuthStep.Succeeded) step;
            HandshakeResponse response = new HandshakeResponse(s.responseFields(),
                    pendingChoice.encoding().wireName(), pendingChoice.cipher().wireName());
            if (activeGrant.enrolling()) {
                firstUse.expect(activeGrant.method(), active.presentedCredential().orElseThrow(() -> new AuthenticationException(
                        "auth method '" + activeGrant.name() + "' reported no credential to enrol")));
            }
            sendPlain(MessageType.HANDSHAKE, response.toPayload());
            keys.install(s.key(), pendingChoice.cipher(), pendingChoice.encoding(), pendingBinarize, activeGrant.name(),
                    pendingBinarize ? ProtocolVersion.TWO : ProtocolVersion.ONE);
            session.enter(ServerState.AWAIT_HELLO);
        }, session::fail, "cannot complete the handshake");
    }

    private void onClientHello(HiveMessage msg) {
        ClientHello clientHello = ClientHello.fromPayload(msg.payload());
        HelloIds.check("session id", clientHello.sessionId());
        HelloIds.check("site id", clientHello.siteId());
        String sid = clientHello.sessionId();
        if (sid == null || sid.isEmpty()) {
            sid = "default";
        }
        if (sid.equals("default") && !client.admin()) {
            throw new PolicyViolationException("session id 'default' is reserved",
                    "non-admin client " + client.clientId() + " used the session id 'default'");
        }
        session.identify(sid, clientHello.siteId(), msg.payload());
        if (firstUse.pending()) {
            // the client proved the key it presented (its HELLO opened under the secret sealed to it): enrol it first
            session.enter(ServerState.ENROLLING);
            listener.enroll(session, firstUse.method(), firstUse.credential()).whenComplete((stored, error) ->
                    connection.executor().execute(() -> afterEnrollment(Boolean.TRUE.equals(stored) && error == null)));
            return;
        }
        session.establish();
    }

    private void afterEnrollment(boolean stored) {
        if (session.state() != ServerState.ENROLLING) {
            return;
        }
        if (!stored) {
            session.fail(new AuthenticationException("client " + client.clientId() + ": the "
                    + firstUse.method().name() + " credential it presented was not enrolled"));
            return;
        }
        firstUse.clear();
        session.establish();
        for (Frame held : firstUse.drain()) {
            if (session.state() != ServerState.ESTABLISHED) {
                return;
            }
            session.onFrame(held);
        }
    }

    private void onDeadline() {
        ServerState state = session.state();
        if (state != ServerState.ESTABLISHED && state != ServerState.CLOSED) {
            session.fail(new HandshakeTimeoutException("no established session after "
                    + env.handshake().timeout().toMillis() + " ms (state " + state + ")"));
        }
    }

    private ServerExchangeContext context(MethodGrant grant) {
        return new ServerExchangeContext(session, grant, hello, env, listener);
    }

    private void sendPlain(MessageType type, Map<String, Object> payload) {
        connection.send(env.framing().plain(HiveMessage.builder(type).payload(payload).build()));
    }

    private ProtocolViolationException unexpected(MessageType type) {
        return new ProtocolViolationException("unexpected " + type.wireName(),
                "unexpected " + type.wireName() + " in state " + session.state());
    }
}
