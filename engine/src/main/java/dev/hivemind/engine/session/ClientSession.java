package dev.hivemind.engine.session;

import dev.hivemind.api.agent.SessionInfo;
import dev.hivemind.api.auth.ClientAuthFactory;
import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.error.CloseCode;
import dev.hivemind.api.error.FrameTooLargeException;
import dev.hivemind.api.error.ConnectionClosedException;
import dev.hivemind.api.error.HiveMindException;
import dev.hivemind.api.error.ProtocolViolationException;
import dev.hivemind.api.error.TransportClosedException;
import dev.hivemind.api.transport.Connection;
import dev.hivemind.api.transport.ConnectionHandler;
import dev.hivemind.api.transport.Frame;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.MessageType;
import dev.hivemind.api.wire.TextEncoding;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The satellite's side of one connection, the mirror of {@link ServerSession}: wait for HELLO and the offer, run the
 * configured auth method (never another one), check the server's choices against what we offered, send our HELLO
 * under the new key, then exchange encrypted messages.
 *
 * <p>Configured methods: at most one handshake method (password, rsa, or a plugin) is the <em>primary</em> method and
 * must be offered, or the connection fails as a downgrade. A key method (psk) is used as the initial key when the
 * server offers it; when it is the only configured method it is the primary one. The states before
 * {@link ClientState#ESTABLISHED} belong to a {@link ClientHandshakePhase}, dropped once it is done.
 */
public final class ClientSession implements ConnectionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ClientSession.class);

    private final Connection connection;
    private final String serverAddress;
    private final ClientOptions options;
    private final SessionEnvironment env;
    private final ClientSessionListener listener;
    private final String sessionId = UUID.randomUUID().toString();
    private final SatelliteBusContext busContext;

    private ClientState state = ClientState.AWAIT_HELLO;
    private final SessionKeys keys;
    /** The handshake, until the session is established. */
    private ClientHandshakePhase handshake;
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
        this.serverAddress = serverAddress;
        this.options = options;
        this.env = env;
        this.listener = listener;
        this.keys = new SessionKeys(env.random(), env.crypto().replayCacheSize());
        this.busContext = new SatelliteBusContext(sessionId, options.siteId(), options.userAgent());
        this.handshake = new ClientHandshakePhase(this, connection, credentials, serverAddress, List.copyOf(methods),
                options, env, keys);
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
        handshake.open();
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

    // ---------------------------------------------------------------- frames

    private void handle(Frame frame) {
        if (frame.size() > env.limits().maxFrameBytes()) {
            throw new FrameTooLargeException("message too big",
                    "frame of " + frame.size() + " bytes exceeds " + env.limits().maxFrameBytes());
        }
        SessionFraming.Inbound in = env.framing().decode(frame, keys.present() ? keys.current().crypto() : null,
                keys.present() ? keys.current().encoding() : TextEncoding.JSON_HEX);
        if (state != ClientState.ESTABLISHED) {
            handshake.onMessage(in);
            return;
        }
        HiveMessage msg = in.message();
        MessageType type = msg.type();
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

    // ---------------------------------------------------------------- for the handshake phase

    /** Moves to a handshake state ({@link ClientSession} itself moves to ESTABLISHED and CLOSED). */
    void enter(ClientState next) {
        state = next;
    }

    /** Our HELLO is sent under the session key: the session is established and the handshake phase is dropped. */
    void establish() {
        state = ClientState.ESTABLISHED;
        handshake.finish();
        KeyState key = keys.current();
        info = new SessionInfo(keys.authMethod(), keys.version(), key.cipher(), key.encoding(), key.binarize(),
                handshake.elapsed());
        handshake = null;
        LOG.debug("session established with {}: {}", serverAddress, info);
        listener.onEstablished(info);
    }

    /** Ends the session because of {@code error}; its close code and reason go to the server. */
    void fail(HiveMindException error) {
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
        if (handshake != null) {
            handshake.finish();
        }
        keys.close();
        listener.onClosed(code, reason, cause);
    }

    /** The typed reason the session failed, if it did. */
    public Optional<HiveMindException> failure() {
        return Optional.ofNullable(failure);
    }
}
