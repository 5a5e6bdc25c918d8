package dev.hivemind.api.error;

/**
 * The connection ended, by the peer or the transport, with the given close code. On the client side this
 * is how a server's rejection (for example HTTP 401 before the WebSocket upgrade, or a close 1008) surfaces.
 */
public class ConnectionClosedException extends HiveMindException {
    private final int peerCode;

    public ConnectionClosedException(int peerCode, String reason) {
        super(mapCode(peerCode), reason == null || reason.isEmpty() ? "connection closed" : reason,
                "connection closed with code " + peerCode + (reason == null || reason.isEmpty() ? "" : ": " + reason), null);
        this.peerCode = peerCode;
    }

    /** The numeric close code (or HTTP status for a refused upgrade) that ended the connection. */
    public int peerCode() {
        return peerCode;
    }

    private static CloseCode mapCode(int code) {
        CloseCode c = CloseCode.fromCode(code);
        return c == null ? CloseCode.GOING_AWAY : c;
    }
}
