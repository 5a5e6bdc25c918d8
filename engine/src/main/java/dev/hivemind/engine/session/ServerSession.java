package dev.hivemind.engine.session;

import dev.hivemind.api.agent.SessionInfo;
import dev.hivemind.api.error.AuthenticationException;
import dev.hivemind.api.error.CloseCode;
import dev.hivemind.api.error.FrameTooLargeException;
import dev.hivemind.api.error.HiveMindException;
import dev.hivemind.api.error.InternalHiveMindException;
import dev.hivemind.api.error.ProtocolViolationException;
import dev.hivemind.api.log.LogSafe;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.transport.Connection;
import dev.hivemind.api.transport.ConnectionHandler;
import dev.hivemind.api.transport.Frame;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.MessageType;
import dev.hivemind.api.wire.TextEncoding;
import dev.hivemind.engine.auth.AuthPolicy;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's side of one connection: an explicit state machine that follows hivemind-core's message order
 * (HELLO → HANDSHAKE offer → client HANDSHAKE → response → client HELLO → established), dispatches the client's
 * HANDSHAKE to the auth method whose selector field it carries, and then encrypts and decrypts application messages.
 * The states before {@link ServerState#ESTABLISHED} belong to a {@link ServerHandshakePhase}, dropped once it is done.
 *
 * <p>Every callback runs on the connection's thread; CPU-heavy auth steps run on the bounded worker pool and hop back.
 * Any violation closes the connection with the error's close code; nothing reaches the hub before
 * {@link ServerState#ESTABLISHED}. Keys are zeroed on close.
 */
public final class ServerSession implements ConnectionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ServerSession.class);

    private final Connection connection;
    private final ClientRecord client;
    private final String userAgent;
    private final SessionEnvironment env;
    private final ServerSessionListener listener;

    private ServerState state = ServerState.NEW;
    private final SessionKeys keys;
    /** The handshake, until the session is established. */
    private ServerHandshakePhase handshake;
    private Duration handshakeTime;
    private String sessionId = "default";
    private String siteId;
    private Map<String, Object> helloPayload = Map.of();
    private boolean established;
    private boolean behind;

    /**
     * @param connection    the transport connection
     * @param client        the admitted client's record
     * @param userAgent     the user agent from the authorization token
     * @param nodeId        the hub's peer id
     * @param nodePublicKey the hub's RSA public key PEM for HELLO ("" if none)
     * @param policy        which of the enabled auth methods may authenticate which client
     * @param env           shared services
     * @param listener      the hub
     */
    public ServerSession(Connection connection, ClientRecord client, String userAgent, String nodeId,
            String nodePublicKey, AuthPolicy policy, SessionEnvironment env, ServerSessionListener listener) {
        this.connection = connection;
        this.client = client;
        this.userAgent = userAgent;
        this.env = env;
        this.listener = listener;
        this.keys = new SessionKeys(env.random(), env.crypto().replayCacheSize());
        this.handshake = new ServerHandshakePhase(this, nodeId, nodePublicKey == null ? "" : nodePublicKey,
                new GrantedMethods(client, policy, env), env, listener, keys);
    }

    public ServerState state() {
        return state;
    }

    public Connection connection() {
        return connection;
    }

    // ---------------------------------------------------------------- the established peer

    /** The peer id, {@code USERAGENT::CLIENT_ID::NAME::SESSION_ID}. */
    public String peerId() {
        return userAgent + "::" + client.clientId() + "::" + client.name() + "::" + sessionId;
    }

    /** The OVOS session id from the client's HELLO ({@code default} before it). */
    public String sessionId() {
        return sessionId;
    }

    /** The admitted client's record. */
    public ClientRecord client() {
        return client;
    }

    /** What the handshake negotiated; only once established. */
    public SessionInfo sessionInfo() {
        KeyState key = keys.current();
        if (key == null || handshakeTime == null) {
            throw new IllegalStateException("session not established");
        }
        return new SessionInfo(keys.authMethod(), keys.version(), key.cipher(), key.encoding(), key.binarize(),
                handshakeTime);
    }

    /** The site id from the client's HELLO, or {@code null}. */
    public String siteId() {
        return siteId;
    }

    /** The client's HELLO payload ({@code pubkey}, {@code session}, {@code site_id}, ...), once established. */
    public Map<String, Object> helloPayload() {
        return helloPayload;
    }

    /** Closes the connection because of {@code error} (its close code and reason). Safe from any thread. */
    public void disconnect(HiveMindException error) {
        connection.executor().execute(() -> fail(error));
    }

    /**
     * Sends a message to the client, encrypted with the session key. Safe from any thread. While the client has not
     * read what was sent before (its output is above the transport's high-water mark) the message is dropped: what
     * other peers flood through the hub must not fill an honest but slow client's queue until the transport drops it.
     */
    public void send(HiveMessage message) {
        connection.executor().execute(() -> {
            if (state != ServerState.ESTABLISHED) {
                LOG.debug("dropping {} for {}: session is {}", message, connection.id(), state);
                return;
            }
            if (connection.writeQueueFull()) {
                if (!behind) {
                    behind = true;
                    LOG.info("{} ({}) is not reading fast enough: dropping what is routed to it until it catches up",
                            connection.id(), describeClient());
                }
                return;
            }
            behind = false;
            Failures.guard(() -> connection.send(keys.seal(env.framing(), message)), this::fail,
                    "cannot encode outgoing message");
        });
    }

    // ---------------------------------------------------------------- ConnectionHandler

    @Override
    public void onOpen() {
        handshake.open();
    }

    @Override
    public void onFrame(Frame frame) {
        if (state == ServerState.CLOSED) {
            return;
        }
        if (state == ServerState.ENROLLING) {
            Failures.guard(() -> handshake.hold(frame), this::fail, "cannot hold a frame");
            return;
        }
        Failures.guard(() -> handle(frame), this::fail, "unexpected error while handling a frame");
    }

    @Override
    public void onClosed(int code, String reason) {
        if (state != ServerState.CLOSED) {
            LOG.info("closed {} ({}) code={}{}", connection.id(), describeClient(), code,
                    reason == null || reason.isEmpty() ? "" : " reason=" + LogSafe.text(reason));
        }
        release(code, reason);
    }

    // ---------------------------------------------------------------- frames

    private void handle(Frame frame) {
        if (frame.size() > env.limits().maxFrameBytes()) {
            throw new FrameTooLargeException("message too big",
                    "frame of " + frame.size() + " bytes exceeds " + env.limits().maxFrameBytes());
        }
        SessionFraming.Inbound in = env.framing().decode(frame, keys.present() ? keys.current().crypto() : null,
                keys.present() ? keys.current().encoding() : TextEncoding.JSON_HEX);
        if (state != ServerState.ESTABLISHED) {
            handshake.onMessage(in);
            return;
        }
        HiveMessage msg = in.message();
        MessageType type = msg.type();
        if (!in.encrypted() && env.handshake().requireEncryption()) {
            throw new ProtocolViolationException("encryption required",
                    "plaintext " + type.wireName() + " frame after the session key was established");
        }
        if (type == MessageType.HANDSHAKE || type == MessageType.HELLO) {
            throw new ProtocolViolationException("unexpected " + type.wireName(),
                    type.wireName() + " after the handshake completed");
        }
        listener.onMessage(this, msg.withSourcePeer(peerId()));
    }

    // ---------------------------------------------------------------- for the handshake phase

    /** Moves to a handshake state ({@link ServerSession} itself moves to ESTABLISHED and CLOSED). */
    void enter(ServerState next) {
        state = next;
    }

    /** Takes the ids and payload of the client's HELLO. */
    void identify(String sessionId, String siteId, Map<String, Object> helloPayload) {
        this.sessionId = sessionId;
        this.siteId = siteId;
        this.helloPayload = helloPayload;
    }

    /** The handshake is done: the session is established and the handshake phase is dropped. */
    void establish() {
        state = ServerState.ESTABLISHED;
        established = true;
        handshakeTime = handshake.elapsed();
        handshake.finish();
        handshake = null;
        SessionInfo info = sessionInfo();
        LOG.info("handshake done {} ({}) mode={} protocol={} cipher={} encoding={} binarize={} in {} ms",
                connection.id(), describeClient(), info.authMethod(), info.protocolVersion().number(),
                info.cipher().wireName(), info.encoding().wireName(), info.binarize(), handshakeTime.toMillis());
        listener.onEstablished(this);
    }

    /** Closes the connection because of {@code error}. */
    void fail(HiveMindException error) {
        if (state == ServerState.CLOSED) {
            return;
        }
        if (error instanceof InternalHiveMindException) {
            LOG.warn("rejected {} ({}) code={} reason={}: {}", connection.id(), describeClient(),
                    error.closeCode().code(), error.reason(), LogSafe.message(error.getMessage()), error);
        } else {
            LOG.info("rejected {} ({}) code={} reason={}: {}", connection.id(), describeClient(),
                    error.closeCode().code(), error.reason(), LogSafe.message(error.getMessage()));
        }
        if (!established && error instanceof AuthenticationException) {
            listener.onAuthenticationFailure(this);
        }
        CloseCode code = error.closeCode();
        release(code.code(), error.reason());
        connection.close(code, error.reason());
    }

    private void release(int code, String reason) {
        if (state == ServerState.CLOSED) {
            return;
        }
        boolean wasEstablished = established;
        state = ServerState.CLOSED;
        if (handshake != null) {
            handshake.abandon();
        }
        keys.close();
        listener.onClosed(this, wasEstablished, code, reason);
    }

    private String describeClient() {
        return "client " + client.clientId() + " '" + client.name() + "' via " + connection.transport() + " from "
                + connection.remoteAddress();
    }
}
