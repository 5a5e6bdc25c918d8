package dev.hivemind.api.error;

/** The peer broke the protocol: a frame out of order, a missing or ill-typed field, an unknown message type, a downgrade. Close 1002. */
public class ProtocolViolationException extends HiveMindException {
    public ProtocolViolationException(String reason) {
        super(CloseCode.PROTOCOL_ERROR, reason, null, null);
    }

    public ProtocolViolationException(String reason, String detail) {
        super(CloseCode.PROTOCOL_ERROR, reason, detail, null);
    }

    public ProtocolViolationException(String reason, String detail, Throwable cause) {
        super(CloseCode.PROTOCOL_ERROR, reason, detail, cause);
    }
}
