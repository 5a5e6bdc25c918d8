package dev.hivemind.engine.codec.text;

import dev.hivemind.api.wire.TextEncoding;

/**
 * JSON-Z85P, HiveMind's "Z85p": a first character whose code is the number of pad bytes (0 to 3, so a
 * control character that JSON escapes as <code>&#92;u0000</code> to <code>&#92;u0003</code>), then standard big-endian Z85 of the input
 * zero-padded to a multiple of 4 bytes. The decoder drops the pad bytes and requires them to be zero.
 *
 * <p>Python peers running the compiled C helpers may fail to decode this encoding (HIVEMIND-WIRE.md §4);
 * prefer not to offer it.
 */
final class Z85pCodec implements TextCodec {
    private static final long[] POW85 = {85L * 85 * 85 * 85, 85L * 85 * 85, 85L * 85, 85L, 1L};

    @Override
    public TextEncoding encoding() {
        return TextEncoding.JSON_Z85P;
    }

    @Override
    public String encode(byte[] data) {
        int pad = (4 - data.length % 4) % 4;
        int groups = (data.length + pad) / 4;
        StringBuilder out = new StringBuilder(1 + groups * 5);
        out.append((char) pad);
        for (int g = 0; g < groups; g++) {
            long value = 0;
            for (int j = 0; j < 4; j++) {
                int i = g * 4 + j;
                value = (value << 8) | (i < data.length ? data[i] & 0xFFL : 0L);
            }
            for (int j = 0; j < 5; j++) {
                out.append(Z85Alphabet.CHARS.charAt((int) (value / POW85[j] % 85)));
            }
        }
        return out.toString();
    }

    @Override
    public byte[] decode(String text) {
        TextCodecs.requireText(encoding(), text);
        if (text.isEmpty()) {
            throw TextCodecs.invalid(encoding(), "missing pad-count character");
        }
        int pad = text.charAt(0);
        if (pad > 3) {
            throw TextCodecs.invalid(encoding(), String.format("bad pad-count character U+%04X", pad));
        }
        for (int i = 1; i < text.length(); i++) {
            Z85Alphabet.digit(encoding(), text, i);
        }
        if ((text.length() - 1) % 5 != 0) {
            throw TextCodecs.invalid(encoding(), "bad length (not a whole number of 5-character groups)");
        }
        int groups = (text.length() - 1) / 5;
        if (groups == 0 && pad != 0) {
            throw TextCodecs.invalid(encoding(), "pad count larger than the data");
        }
        byte[] padded = new byte[groups * 4];
        for (int g = 0; g < groups; g++) {
            long value = 0;
            for (int j = 0; j < 5; j++) {
                value += Z85Alphabet.digit(encoding(), text, 1 + g * 5 + j) * POW85[j];
            }
            if (value > 0xFFFFFFFFL) {
                throw TextCodecs.invalid(encoding(), "group at index " + (1 + g * 5) + " out of range");
            }
            for (int j = 0; j < 4; j++) {
                padded[g * 4 + j] = (byte) (value >>> (8 * (3 - j)));
            }
        }
        int length = padded.length - pad;
        for (int i = length; i < padded.length; i++) {
            if (padded[i] != 0) {
                throw TextCodecs.invalid(encoding(), "non-zero pad bytes");
            }
        }
        byte[] out = new byte[length];
        System.arraycopy(padded, 0, out, 0, length);
        return out;
    }
}
