package dev.hivemind.api.error;

/** An internal failure that is not the peer's fault. Close 1011; the reason never carries a stack trace. */
public class InternalHiveMindException extends HiveMindException {
    public InternalHiveMindException(String reason) {
        super(CloseCode.INTERNAL_ERROR, reason, null, null);
    }

    public InternalHiveMindException(String reason, String detail) {
        super(CloseCode.INTERNAL_ERROR, reason, detail, null);
    }

    public InternalHiveMindException(String reason, String detail, Throwable cause) {
        super(CloseCode.INTERNAL_ERROR, reason, detail, cause);
    }
}
