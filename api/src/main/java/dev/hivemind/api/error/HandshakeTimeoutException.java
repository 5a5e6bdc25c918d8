package dev.hivemind.api.error;

/** The handshake did not complete before its deadline. Close 1008 "handshake timeout". */
public class HandshakeTimeoutException extends HiveMindException {
    public HandshakeTimeoutException(String detail) {
        super(CloseCode.POLICY_VIOLATION, "handshake timeout", detail, null);
    }
}
