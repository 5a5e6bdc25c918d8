package dev.hivemind.api.transport;

/**
 * The engine's side of one connection: the transport delivers complete frames and the final close to it,
 * always on the connection's executor. Implementations never throw; failures close the connection.
 */
public interface ConnectionHandler {
    /** Called once the connection is open and before any frame. */
    default void onOpen() {
    }

    /** A complete frame arrived. */
    void onFrame(Frame frame);

    /**
     * The connection is closed (by either side or by the transport). Called exactly once.
     *
     * @param code   the close code (WebSocket semantics; 1006 when the socket dropped without a close frame)
     * @param reason the reason, possibly empty
     */
    void onClosed(int code, String reason);
}
