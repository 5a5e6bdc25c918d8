package dev.hivemind.api.transport;

import dev.hivemind.api.error.CloseCode;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * One transport connection as the engine sees it. A transport implements it; the engine calls it.
 * All callbacks for one connection arrive on {@link #executor()}, one at a time.
 */
public interface Connection {
    /** A unique id for logs. */
    String id();

    /** The transport's plugin name ({@code websocket}, {@code tcp}, ...). */
    String transport();

    /** The peer's address. */
    InetSocketAddress remoteAddress();

    /**
     * The connection's own thread (its event loop): work submitted here runs one task at a time, in order,
     * on the thread that delivers this connection's frames. Never block it.
     */
    Executor executor();

    /**
     * Sends one frame. Completes when the frame is handed to the socket, or exceptionally if the connection is
     * closed or the frame exceeds the peer's limit. Safe to call from any thread.
     */
    CompletionStage<Void> send(Frame frame);

    /** Whether the outgoing buffer is above its high-water mark (the peer reads slowly). */
    boolean writeQueueFull();

    /**
     * Closes the connection with a code and a short reason (at most 123 UTF-8 bytes, never a secret).
     * Idempotent. The handler's {@link ConnectionHandler#onClosed} is still called once.
     */
    void close(CloseCode code, String reason);

    /** Whether the connection is still open. */
    boolean isOpen();

    /**
     * Whether this side ended the connection: the engine, or the transport on its own (an idle peer, a peer that does
     * not read, a frame over the limit). {@code false} while open, when the peer closed it, when the socket dropped,
     * and for transports that cannot tell. Read it in {@link ConnectionHandler#onClosed}.
     */
    default boolean closedLocally() {
        return false;
    }
}
