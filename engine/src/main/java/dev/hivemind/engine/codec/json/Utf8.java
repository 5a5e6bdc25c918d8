package dev.hivemind.engine.codec.json;

/** UTF-8 encoding of JSON text into a caller's buffer (the message path's, without intermediate arrays). */
public final class Utf8 {
    private Utf8() {
    }

    /** The most bytes {@link #encode} writes for {@code chars} UTF-16 characters. */
    public static int maxEncodedLength(int chars) {
        return 3 * chars;
    }

    /**
     * Encodes well-formed UTF-16 text (as {@link HiveJson} writes it: lone surrogates escaped) as UTF-8 into {@code out},
     * which has room for {@link #maxEncodedLength}; returns the number of bytes written. A lone surrogate becomes
     * {@code ?}, as the JDK's encoder would write it.
     */
    public static int encode(CharSequence s, byte[] out) {
        int p = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out[p++] = (byte) c;
            } else if (c < 0x800) {
                out[p++] = (byte) (0xC0 | c >> 6);
                out[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out[p++] = (byte) (0xF0 | cp >> 18);
                out[p++] = (byte) (0x80 | (cp >> 12 & 0x3F));
                out[p++] = (byte) (0x80 | (cp >> 6 & 0x3F));
                out[p++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                out[p++] = '?';
            } else {
                out[p++] = (byte) (0xE0 | c >> 12);
                out[p++] = (byte) (0x80 | (c >> 6 & 0x3F));
                out[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return p;
    }
}
