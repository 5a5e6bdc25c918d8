package dev.hivemind.api.error;

/** WebSocket close codes used by HiveMind; the TCP transport carries the same codes in its CLOSE frame. */
public enum CloseCode {
    NORMAL(1000, "normal closure"),
    GOING_AWAY(1001, "going away"),
    PROTOCOL_ERROR(1002, "protocol violation"),
    INVALID_PAYLOAD(1007, "invalid payload"),
    POLICY_VIOLATION(1008, "policy violation"),
    MESSAGE_TOO_BIG(1009, "message too big"),
    INTERNAL_ERROR(1011, "internal error"),
    TRY_AGAIN_LATER(1013, "server busy");

    private final int code;
    private final String defaultReason;

    CloseCode(int code, String defaultReason) {
        this.code = code;
        this.defaultReason = defaultReason;
    }

    /** The numeric code as sent on the wire. */
    public int code() {
        return code;
    }

    /** A short, secret-free reason suitable for a close frame. */
    public String defaultReason() {
        return defaultReason;
    }

    /** The enum constant for a numeric code, or {@code null} if the code is not one of ours. */
    public static CloseCode fromCode(int code) {
        for (CloseCode c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return null;
    }
}
