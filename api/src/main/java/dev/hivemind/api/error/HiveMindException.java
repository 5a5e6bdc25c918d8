package dev.hivemind.api.error;

import java.util.Objects;

/**
 * Root of the typed error hierarchy. Every error knows the close code it maps to and a short reason
 * that may be shown to the peer; {@link #getMessage()} may carry more detail for local logs but never
 * a secret (key, password, envelope, plaintext).
 */
public abstract class HiveMindException extends RuntimeException {
    private static final int MAX_REASON_BYTES = 123;

    private final CloseCode closeCode;
    private final String reason;

    protected HiveMindException(CloseCode closeCode, String reason, String detail, Throwable cause) {
        super(detail == null ? reason : detail, cause);
        this.closeCode = Objects.requireNonNull(closeCode, "closeCode");
        this.reason = truncate(reason == null ? closeCode.defaultReason() : reason);
    }

    /** The close code the connection is closed with when this error ends it. */
    public CloseCode closeCode() {
        return closeCode;
    }

    /** Reason text for the peer: short (at most 123 UTF-8 bytes), generic and secret-free. */
    public String reason() {
        return reason;
    }

    private static String truncate(String s) {
        byte[] utf8 = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (utf8.length <= MAX_REASON_BYTES) {
            return s;
        }
        int end = s.length();
        while (end > 0 && s.substring(0, end).getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_REASON_BYTES) {
            end--;
        }
        return s.substring(0, end);
    }
}
