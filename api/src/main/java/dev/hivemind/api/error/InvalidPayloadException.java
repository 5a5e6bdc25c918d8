package dev.hivemind.api.error;

/** A frame could not be decoded: invalid UTF-8 or JSON, duplicate keys, too deep nesting, illegal characters for the negotiated text encoding. Close 1007. */
public class InvalidPayloadException extends HiveMindException {
    public InvalidPayloadException(String reason) {
        super(CloseCode.INVALID_PAYLOAD, reason, null, null);
    }

    public InvalidPayloadException(String reason, String detail) {
        super(CloseCode.INVALID_PAYLOAD, reason, detail, null);
    }

    public InvalidPayloadException(String reason, String detail, Throwable cause) {
        super(CloseCode.INVALID_PAYLOAD, reason, detail, cause);
    }
}
