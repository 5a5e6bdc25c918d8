package dev.hivemind.transport.websocket;

import dev.hivemind.api.error.CloseCode;
import dev.hivemind.api.transport.Frame;
import dev.hivemind.transport.vertx.AbstractVertxConnection;
import dev.hivemind.transport.vertx.ConnectionLimits;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketFrame;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link dev.hivemind.api.transport.Connection} over one Vert.x WebSocket, server or client side. */
final class WebSocketConnection extends AbstractVertxConnection {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketConnection.class);
    private static final Buffer EMPTY = Buffer.buffer(0);

    private final WebSocket socket;
    private final MessageAssembler assembler;

    /** Wraps {@code socket} and installs its handlers; call on the socket's event loop, before it delivers frames. */
    WebSocketConnection(String transport, Vertx vertx, Context context, WebSocket socket, InetSocketAddress remote,
            ConnectionLimits limits) {
        super(LOG, transport, vertx, context, remote, limits);
        this.socket = socket;
        this.assembler = new MessageAssembler(limits.maxFrameBytes());
        socket.frameHandler(this::onFrame);
        socket.exceptionHandler(this::onException);
        socket.closeHandler(v -> socketClosed());
    }

    /** Binds the handler (see {@link AbstractVertxConnection#bind}). */
    void open(dev.hivemind.api.transport.ConnectionHandler handler) {
        bind(handler);
    }

    /** Drops the peer at once (see {@link AbstractVertxConnection#drop}). */
    void abort(CloseCode code, String reason) {
        drop(code, reason);
    }

    /** The socket closed before the handler was bound: report it (see {@link AbstractVertxConnection#socketClosed}). */
    void closedBeforeOpen() {
        socketClosed();
    }

    private void onFrame(WebSocketFrame frame) {
        switch (frame.type()) {
            case TEXT, BINARY, CONTINUATION -> {
                if (frame.binaryData().length() == 0 && !frame.isFinal() ? !noop() : closing()) {
                    return;
                }
                activity();
                Frame message;
                try {
                    message = assembler.accept(frame.type(), frame.isFinal(), frame.binaryData());
                } catch (MessageAssembler.Violation v) {
                    failInbound(v.code(), v.getMessage());
                    return;
                }
                if (message != null) {
                    deliver(message);
                }
            }
            case PING, PONG -> noop(); // Vert.x answers pings itself; the no-op cap bounds those pongs
            case CLOSE -> peerClosing(frame.closeStatusCode(), frame.closeReason());
            default -> {
            }
        }
    }

    private void onException(Throwable error) {
        if (error instanceof CorruptedWebSocketFrameException corrupt) {
            // Netty refused the frame header (too long, bad opcode, bad fragmentation) before reading the payload;
            // Vert.x drops the channel right after this handler, so the close frame must be written now.
            int code = corrupt.closeStatus().code();
            String reason = code == CloseCode.MESSAGE_TOO_BIG.code() ? "message too big" : "protocol violation";
            markLocalClose(code, reason);
            socket.close((short) code, reason);
            return;
        }
        log.debug("{}: {}", id(), String.valueOf(error));
    }

    @Override
    protected Future<Void> writeData(Frame frame) {
        if (frame instanceof Frame.Text text) {
            return socket.writeTextMessage(text.text());
        }
        return socket.writeBinaryMessage(Buffer.buffer(((Frame.Binary) frame).data()));
    }

    @Override
    protected Future<Void> writePing() {
        return socket.writePing(EMPTY);
    }

    @Override
    protected void startCloseHandshake(int code, String reason) {
        socket.close((short) code, reason);
    }

    /**
     * Sends the close frame and closes without waiting for the peer's answer: input stops at once and the connection
     * is shut down right after the frame (public Vert.x API only). A peer that does not read at all is cut off by the
     * server's write-idle timeout ({@link ConnectionLimits#stalledWriteTimeout()}).
     */
    @Override
    protected void dropSocket(int code, String reason) {
        socket.pause();
        socket.shutdown(0, TimeUnit.MILLISECONDS, (short) code, reason);
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
