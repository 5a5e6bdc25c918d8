package dev.hivemind.api.log;

import java.util.Collection;
import java.util.Iterator;

/**
 * Peer-supplied values as they may appear in a log line: cut to {@value #MAX_CHARS} characters and with control and
 * other non-printable characters escaped, so a peer can neither flood the log nor forge lines in it; lists are
 * summarised. Use it for anything a peer chose (user agent, session id, field names, message types it made up).
 */
public final class LogSafe {
    /** Longest value kept, in characters; longer values end with an ellipsis and their full length. */
    public static final int MAX_CHARS = 64;
    /** Longest whole message kept by {@link #message}. */
    public static final int MAX_MESSAGE_CHARS = 256;
    /** Items of a list shown before the rest is summarised. */
    public static final int MAX_ITEMS = 8;

    private LogSafe() {
    }

    /** {@code value} truncated and escaped; {@code null} stays {@code "null"}. */
    public static String text(Object value) {
        return text(value, MAX_CHARS);
    }

    private static String text(Object value, int max) {
        if (value == null) {
            return "null";
        }
        String s = value.toString();
        StringBuilder out = new StringBuilder(Math.min(s.length(), max) + 16);
        int shown = 0;
        for (int i = 0; i < s.length() && shown < max; i++, shown++) {
            char c = s.charAt(i);
            if (c == '\\') {
                out.append("\\\\");
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029'
                    || Character.isSurrogate(c) && !validPair(s, i)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (s.length() > max) {
            out.append("…(").append(s.length()).append(" chars)");
        }
        return out.toString();
    }

    /**
     * A whole log message that may embed peer-supplied values (an error's detail): control characters escaped and
     * cut to {@value #MAX_MESSAGE_CHARS} characters.
     */
    public static String message(Object value) {
        return text(value, MAX_MESSAGE_CHARS);
    }

    /** The first {@value #MAX_ITEMS} items, each made safe, then how many more there were. */
    public static String list(Collection<?> values) {
        if (values == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("[");
        Iterator<?> it = values.iterator();
        for (int i = 0; it.hasNext() && i < MAX_ITEMS; i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(text(it.next()));
        }
        if (values.size() > MAX_ITEMS) {
            out.append(", … ").append(values.size() - MAX_ITEMS).append(" more");
        }
        return out.append(']').toString();
    }

    private static boolean validPair(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
