package dev.hivemind.api.error;

/**
 * A client could not open a connection at all: nothing listening, an unknown or unreachable host, a TLS handshake
 * that failed (an untrusted certificate, a pin that does not match). The cause carries the transport's own error.
 * No frame was exchanged, so the close code is only nominal (1001).
 */
public class ConnectFailedException extends HiveMindException {
    public ConnectFailedException(String detail, Throwable cause) {
        super(CloseCode.GOING_AWAY, "cannot connect", detail, cause);
    }
}
