package dev.hivemind.api.error;

/** The bounded worker pool for CPU-heavy handshake steps is full; the handshake is refused, not queued. Close 1013. */
public class ServerBusyException extends HiveMindException {
    public ServerBusyException(String reason) {
        super(CloseCode.TRY_AGAIN_LATER, reason, null, null);
    }

    public ServerBusyException(String reason, String detail) {
        super(CloseCode.TRY_AGAIN_LATER, reason, detail, null);
    }

    public ServerBusyException(String reason, String detail, Throwable cause) {
        super(CloseCode.TRY_AGAIN_LATER, reason, detail, cause);
    }
}
