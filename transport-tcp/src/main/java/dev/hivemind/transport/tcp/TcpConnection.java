package dev.hivemind.transport.tcp;

import dev.hivemind.api.error.CloseCode;
import dev.hivemind.api.error.ConnectionClosedException;
import dev.hivemind.api.transport.AuthorizationToken;
import dev.hivemind.api.transport.Connection;
import dev.hivemind.api.transport.ConnectionHandler;
import dev.hivemind.api.transport.Frame;
import dev.hivemind.transport.vertx.AbstractVertxConnection;
import dev.hivemind.transport.vertx.CloseReasons;
import dev.hivemind.transport.vertx.ConnectionLimits;
import dev.hivemind.transport.vertx.SocketAddresses;
import dev.hivemind.transport.vertx.StrictUtf8;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.nio.charset.CharacterCodingException;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection speaking the TCP framing of {@code docs/protocol/TCP-FRAMING.md}, server or client side.
 *
 * <p>Server side: the first frame must be AUTH; its token goes to the admission callback while input is held back,
 * and the connection opens (or is refused with a CLOSE) when the engine answers. Client side: AUTH is sent first,
 * and the connection counts as open when the server's first data frame arrives (HiveMind servers speak first); a
 * CLOSE before that fails the connect stage with a {@link ConnectionClosedException}.
 */
final class TcpConnection extends AbstractVertxConnection implements FrameDecoder.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(TcpConnection.class);

    private enum Phase { AWAIT_AUTH, ADMITTING, AWAIT_FIRST_FRAME, OPEN }

    private final NetSocket socket;
    private final FrameDecoder decoder = new FrameDecoder(this);
    private Phase phase;
    private boolean closeSent;
    private BiConsumer<TcpConnection, String> admission;
    private Function<Connection, ConnectionHandler> handlerFactory;
    private CompletableFuture<Connection> connectStage;
    private Runnable onAdmitted = () -> { };

    private TcpConnection(Vertx vertx, Context context, NetSocket socket, ConnectionLimits limits, Phase phase) {
        super(LOG, TcpTransportFactory.NAME, vertx, context, SocketAddresses.of(socket.remoteAddress()), limits);
        this.socket = socket;
        this.phase = phase;
        socket.handler(chunk -> {
            activity();
            decoder.feed(chunk);
        });
        socket.exceptionHandler(e -> log.debug("{}: {}", id(), String.valueOf(e)));
        socket.closeHandler(v -> {
            decoder.stop();
            socketClosed();
        });
    }

    /** Server side: waits for AUTH and hands its token to {@code admission} (on the event loop). */
    static TcpConnection accepted(Vertx vertx, Context context, NetSocket socket, ConnectionLimits limits,
            BiConsumer<TcpConnection, String> admission) {
        TcpConnection c = new TcpConnection(vertx, context, socket, limits, Phase.AWAIT_AUTH);
        c.admission = admission;
        return c;
    }

    /** Client side: sends AUTH and completes {@code stage} when the server's first data frame (or CLOSE) arrives. */
    static TcpConnection connected(Vertx vertx, Context context, NetSocket socket, ConnectionLimits limits,
            AuthorizationToken token, Function<Connection, ConnectionHandler> handlerFactory,
            CompletableFuture<Connection> stage) {
        TcpConnection c = new TcpConnection(vertx, context, socket, limits, Phase.AWAIT_FIRST_FRAME);
        c.handlerFactory = handlerFactory;
        c.connectStage = stage;
        socket.write(TcpFrames.encode(FrameKind.AUTH, token.encode().getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        return c;
    }

    /** Whether the connection has been admitted and bound (server) or has heard from the server (client). */
    boolean established() {
        return phase == Phase.OPEN;
    }

    // ------------------------------------------------------------------ admission (server, event loop)

    /** Runs {@code action} once the connection is admitted and bound (server side). */
    void onAdmitted(Runnable action) {
        this.onAdmitted = action;
    }

    /** The engine admitted the connection: bind its handler and deliver what arrived meanwhile. */
    void admitted(ConnectionHandler handler) {
        if (closing()) {
            return;
        }
        phase = Phase.OPEN;
        onAdmitted.run();
        bind(handler);
        decoder.resume();
        socket.resume();
    }

    /** The engine refused the connection: CLOSE with its code and reason, then close the socket. */
    void refuse(CloseCode code, String reason) {
        failInbound(code, CloseReasons.truncate(reason));
    }

    // ------------------------------------------------------------------ decoding

    @Override
    public boolean onHeader(int kindByte, long length) {
        FrameKind kind = FrameKind.of(kindByte);
        if (kind == null) {
            return refuseHeader(CloseCode.PROTOCOL_ERROR, "unknown frame kind " + kindByte);
        }
        if (phase == Phase.AWAIT_AUTH) {
            if (kind != FrameKind.AUTH) {
                return refuseHeader(CloseCode.PROTOCOL_ERROR, "the first frame must be AUTH");
            }
            if (length > AuthorizationToken.MAX_TOKEN_CHARS) {
                return refuseHeader(CloseCode.MESSAGE_TOO_BIG, "authorization token too long");
            }
            return true;
        }
        switch (kind) {
            case AUTH -> {
                return refuseHeader(CloseCode.PROTOCOL_ERROR, "unexpected AUTH");
            }
            case TEXT, BINARY -> {
                if (length > limits.maxFrameBytes()) {
                    return refuseHeader(CloseCode.MESSAGE_TOO_BIG, "message too big");
                }
            }
            case CLOSE -> {
                if (length == 1 || length > FrameKind.MAX_CONTROL_PAYLOAD) {
                    return refuseHeader(CloseCode.PROTOCOL_ERROR, "malformed CLOSE");
                }
            }
            default -> {
                if (length > FrameKind.MAX_CONTROL_PAYLOAD) {
                    return refuseHeader(CloseCode.PROTOCOL_ERROR, "control frame too long");
                }
            }
        }
        return true;
    }

    private boolean refuseHeader(CloseCode code, String reason) {
        failInbound(code, reason);
        return false;
    }

    @Override
    public void onFrame(FrameKind kind, Buffer payload) {
        switch (kind) {
            case AUTH -> onAuth(payload);
            case TEXT -> {
                String text;
                try {
                    text = StrictUtf8.decode(payload.getBytes());
                } catch (CharacterCodingException e) {
                    failInbound(CloseCode.INVALID_PAYLOAD, "invalid UTF-8 in a text frame");
                    return;
                }
                onData(Frame.text(text));
            }
            case BINARY -> onData(Frame.binary(payload.getBytes()));
            case PING -> {
                if (noop() && !closeSent) {
                    Buffer pong = TcpFrames.encode(FrameKind.PONG, payload.getBytes());
                    writeControl(pong.length(), () -> socket.write(pong));
                }
            }
            case PONG -> noop();
            case CLOSE -> onClose(payload);
            default -> failInbound(CloseCode.PROTOCOL_ERROR, "unexpected frame");
        }
    }

    private void onAuth(Buffer payload) {
        String token = payload.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
        phase = Phase.ADMITTING;
        decoder.suspend();
        socket.pause();
        admission.accept(this, token);
    }

    private void onData(Frame frame) {
        if (phase == Phase.AWAIT_FIRST_FRAME) {
            phase = Phase.OPEN;
            ConnectionHandler handler;
            try {
                handler = handlerFactory.apply(this);
            } catch (RuntimeException e) {
                drop(CloseCode.INTERNAL_ERROR, CloseCode.INTERNAL_ERROR.defaultReason());
                connectStage.completeExceptionally(e);
                return;
            }
            bind(handler);
            connectStage.complete(this);
        }
        deliver(frame);
    }

    private void onClose(Buffer payload) {
        int code = 1005;
        String reason = "";
        if (payload.length() >= 2) {
            code = payload.getUnsignedShort(0);
            try {
                reason = StrictUtf8.decode(payload.getBytes(2, payload.length()));
            } catch (CharacterCodingException e) {
                failInbound(CloseCode.INVALID_PAYLOAD, "invalid UTF-8 in a close reason");
                return;
            }
        }
        peerClosing(code, reason);
        decoder.stop();
        if (!closeSent) {
            closeSent = true;
            socket.write(TcpFrames.close(code, reason)).onComplete(ar -> socket.close());
        } else {
            socket.close();
        }
    }

    @Override
    protected void afterClose(int code, String reason) {
        if (connectStage != null && !connectStage.isDone()) {
            connectStage.completeExceptionally(new ConnectionClosedException(code, reason));
        }
    }

    // ------------------------------------------------------------------ writing

    @Override
    protected Future<Void> writeData(Frame frame) {
        if (frame instanceof Frame.Text text) {
            return socket.write(TcpFrames.text(text.text()));
        }
        return socket.write(TcpFrames.encode(FrameKind.BINARY, ((Frame.Binary) frame).data()));
    }

    @Override
    protected Future<Void> writePing() {
        return socket.write(TcpFrames.encode(FrameKind.PING, new byte[0]));
    }

    @Override
    protected void startCloseHandshake(int code, String reason) {
        closeSent = true;
        socket.write(TcpFrames.close(code, reason));
    }

    /**
     * Writes CLOSE and closes the socket without waiting for the peer's CLOSE; input stops at once. Vert.x closes after
     * what is queued is flushed; a peer that does not read at all is cut off by the server's write-idle timeout
     * ({@link ConnectionLimits#stalledWriteTimeout()}).
     */
    @Override
    protected void dropSocket(int code, String reason) {
        decoder.stop();
        socket.pause();
        if (!closeSent) {
            closeSent = true;
            socket.write(TcpFrames.close(code, reason));
        }
        socket.close();
    }

    @Override
    protected void pauseInput() {
        socket.pause();
    }

    @Override
    protected void resumeInput() {
        socket.resume();
    }
}
