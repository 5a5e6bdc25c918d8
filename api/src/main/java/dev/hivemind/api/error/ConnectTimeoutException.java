package dev.hivemind.api.error;

/**
 * A satellite's deadline passed before a connection to the hub was even open (nothing answered the TCP connect, the
 * TLS handshake or the WebSocket upgrade in time), as opposed to a handshake that started and stalled.
 */
public class ConnectTimeoutException extends HandshakeTimeoutException {
    public ConnectTimeoutException(String detail) {
        super(detail);
    }
}
