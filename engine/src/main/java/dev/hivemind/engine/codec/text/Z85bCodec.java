package dev.hivemind.engine.codec.text;

import dev.hivemind.api.wire.TextEncoding;

/**
 * JSON-Z85B, HiveMind's "Z85b": the Z85 alphabet over little-endian 32-bit groups, least significant base-85
 * digit first. The input is zero-padded to a multiple of 4 bytes and the output truncated by as many characters
 * as pad bytes were added, so a final group of k bytes (1 to 3) takes k + 1 characters.
 *
 * <p>The decoder rejects a final group of one character, group values above 2<sup>32</sup> - 1 and final
 * groups whose value does not fit their byte count (none of which the encoder produces). Unlike the Python
 * decoder it does not skip whitespace.
 */
final class Z85bCodec implements TextCodec {
    private static final long[] POW85 = {1L, 85L, 85L * 85, 85L * 85 * 85, 85L * 85 * 85 * 85};

    @Override
    public boolean mayNeedJsonEscapes() {
        return false;
    }

    @Override
    public TextEncoding encoding() {
        return TextEncoding.JSON_Z85B;
    }

    @Override
    public String encode(byte[] data) {
        int full = data.length / 4;
        int rest = data.length % 4;
        StringBuilder out = new StringBuilder(full * 5 + (rest == 0 ? 0 : rest + 1));
        for (int g = 0; g * 4 < data.length; g++) {
            long value = 0;
            for (int j = 0; j < 4; j++) {
                int i = g * 4 + j;
                if (i < data.length) {
                    value |= (data[i] & 0xFFL) << (8 * j);
                }
            }
            int chars = g < full ? 5 : rest + 1;
            for (int j = 0; j < chars; j++) {
                out.append(Z85Alphabet.CHARS.charAt((int) (value % 85)));
                value /= 85;
            }
        }
        return out.toString();
    }

    @Override
    public byte[] decode(String text) {
        TextCodecs.requireText(encoding(), text);
        int n = text.length();
        int rest = n % 5;
        for (int i = 0; i < n; i++) {
            Z85Alphabet.digit(encoding(), text, i);
        }
        if (rest == 1) {
            throw TextCodecs.invalid(encoding(), "bad length (a final group of one character)");
        }
        byte[] out = new byte[(n / 5) * 4 + (rest == 0 ? 0 : rest - 1)];
        int o = 0;
        for (int start = 0; start < n; start += 5) {
            int chars = Math.min(5, n - start);
            long value = 0;
            for (int j = 0; j < chars; j++) {
                value += Z85Alphabet.digit(encoding(), text, start + j) * POW85[j];
            }
            int bytes = chars == 5 ? 4 : chars - 1;
            if (value >>> (8 * bytes) != 0) {
                throw TextCodecs.invalid(encoding(), "group at index " + start + " out of range");
            }
            for (int j = 0; j < bytes; j++) {
                out[o++] = (byte) (value >>> (8 * j));
            }
        }
        return out;
    }
}
