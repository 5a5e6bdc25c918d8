package dev.hivemind.api.error;

/** A frame or message exceeded the configured maximum; raised before the frame is buffered. Close 1009. */
public class FrameTooLargeException extends HiveMindException {
    public FrameTooLargeException(String reason) {
        super(CloseCode.MESSAGE_TOO_BIG, reason, null, null);
    }

    public FrameTooLargeException(String reason, String detail) {
        super(CloseCode.MESSAGE_TOO_BIG, reason, detail, null);
    }

    public FrameTooLargeException(String reason, String detail, Throwable cause) {
        super(CloseCode.MESSAGE_TOO_BIG, reason, detail, cause);
    }
}
