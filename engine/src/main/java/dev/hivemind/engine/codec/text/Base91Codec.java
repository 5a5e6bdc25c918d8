package dev.hivemind.engine.codec.text;

import dev.hivemind.api.wire.TextEncoding;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * JSON-B91: standard basE91 (Joachim Henke's alphabet and 13/14-bit little-endian packing). The alphabet
 * contains {@code "} and {@code \}, which the JSON writer escapes. The decoder rejects characters outside
 * the alphabet (the classic decoder skips them) and non-canonical text.
 */
final class Base91Codec implements TextCodec {
    private static final String ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&()*+,./:;<=>?@[]^_`{|}~\"";
    private static final int[] DIGIT = new int[128];
    private static final byte[] SYMBOL = ALPHABET.getBytes(StandardCharsets.US_ASCII);

    static {
        Arrays.fill(DIGIT, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            DIGIT[ALPHABET.charAt(i)] = i;
        }
    }

    @Override
    public TextEncoding encoding() {
        return TextEncoding.JSON_B91;
    }

    @Override
    public String encode(byte[] data) {
        byte[] out = new byte[data.length * 16 / 13 + 2];
        return new String(out, 0, encodeInto(data, 0, data.length, out, 0), StandardCharsets.ISO_8859_1);
    }

    @Override
    public int encodeInto(byte[] data, int off, int len, byte[] out, int outOff) {
        int p = outOff;
        int queue = 0;
        int bits = 0;
        for (int i = off; i < off + len; i++) {
            queue |= (data[i] & 0xFF) << bits;
            bits += 8;
            if (bits > 13) {
                int v = queue & 8191;
                if (v > 88) {
                    queue >>>= 13;
                    bits -= 13;
                } else {
                    v = queue & 16383;
                    queue >>>= 14;
                    bits -= 14;
                }
                out[p++] = SYMBOL[v % 91];
                out[p++] = SYMBOL[v / 91];
            }
        }
        if (bits > 0) {
            out[p++] = SYMBOL[queue % 91];
            if (bits > 7 || queue > 90) {
                out[p++] = SYMBOL[queue / 91];
            }
        }
        return p - outOff;
    }

    @Override
    public byte[] decode(String text) {
        TextCodecs.requireText(encoding(), text);
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 14 / 16 + 1);
        int queue = 0;
        int bits = 0;
        int pending = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int d = c < 128 ? DIGIT[c] : -1;
            if (d < 0) {
                throw TextCodecs.illegalChar(encoding(), text, i);
            }
            if (pending < 0) {
                pending = d;
                continue;
            }
            int v = pending + d * 91;
            pending = -1;
            queue |= v << bits;
            bits += (v & 8191) > 88 ? 13 : 14;
            do {
                out.write(queue & 0xFF);
                queue >>>= 8;
                bits -= 8;
            } while (bits > 7);
        }
        if (pending >= 0) {
            out.write((queue | pending << bits) & 0xFF);
        }
        byte[] result = out.toByteArray();
        if (!encode(result).equals(text)) {
            throw TextCodecs.invalid(encoding(), "non-canonical encoding");
        }
        return result;
    }
}
