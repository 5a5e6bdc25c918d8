package dev.hivemind.transport.vertx;

import java.nio.charset.StandardCharsets;

/** Close reasons as they may go on the wire: at most 123 UTF-8 bytes, never cut inside a character. */
public final class CloseReasons {
    /** Longest close reason in UTF-8 bytes (a control frame holds 125 bytes, two of them the code). */
    public static final int MAX_REASON_BYTES = 123;

    private CloseReasons() {
    }

    /** {@code reason} cut to at most {@link #MAX_REASON_BYTES} UTF-8 bytes; {@code null} becomes empty. */
    public static String truncate(String reason) {
        if (reason == null) {
            return "";
        }
        if (reason.length() * 3 <= MAX_REASON_BYTES
                || reason.getBytes(StandardCharsets.UTF_8).length <= MAX_REASON_BYTES) {
            return reason;
        }
        int bytes = 0;
        int end = 0;
        while (end < reason.length()) {
            int cp = reason.codePointAt(end);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + size > MAX_REASON_BYTES) {
                break;
            }
            bytes += size;
            end += Character.charCount(cp);
        }
        return reason.substring(0, end);
    }
}
