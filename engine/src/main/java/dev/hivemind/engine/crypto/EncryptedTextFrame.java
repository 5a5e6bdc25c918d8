package dev.hivemind.engine.crypto;

import dev.hivemind.engine.codec.ScratchBuffers;
import dev.hivemind.engine.codec.text.TextCodec;
import java.nio.charset.StandardCharsets;

/**
 * Writes the text form of an encrypted frame, {@code {"ciphertext": E(ct), "tag": E(tag), "nonce": E(nonce)}}, exactly
 * as Python's {@code json.dumps} does (the same separators and escapes: basE91's alphabet holds {@code "}, and a
 * Z85P field starts with a control character), straight from the sealed bytes into one ASCII buffer: the returned
 * string is the only array of the frame's size that is allocated.
 */
final class EncryptedTextFrame {
    private static final byte[] OPEN = ascii("{\"" + SessionCrypto.CIPHERTEXT + "\": \"");
    private static final byte[] AFTER_CT = ascii("\", \"" + SessionCrypto.TAG + "\": \"");
    private static final byte[] AFTER_TAG = ascii("\", \"" + SessionCrypto.NONCE + "\": \"");
    private static final byte[] CLOSE = ascii("\"}");

    private static final byte[] HEX = ascii("0123456789abcdef");

    private byte[] out;
    private int p;

    private EncryptedTextFrame(int capacity) {
        this.out = ScratchBuffers.get().text(capacity);
    }

    /** The frame text for {@code sealed[0, ctLength)} (ciphertext), the tag that follows it, and the nonce. */
    static String write(TextCodec codec, byte[] sealed, int ctLength, int tagLength, byte[] nonce) {
        int fields = TextCodec.maxEncodedLength(ctLength) + TextCodec.maxEncodedLength(tagLength)
                + TextCodec.maxEncodedLength(nonce.length);
        // room for a few escapes (basE91 has '"' in its alphabet, Z85P starts with a control character)
        EncryptedTextFrame f = new EncryptedTextFrame(fields + fields / 8 + 64);
        f.put(OPEN);
        f.field(codec, sealed, 0, ctLength);
        f.put(AFTER_CT);
        f.field(codec, sealed, ctLength, tagLength);
        f.put(AFTER_TAG);
        f.field(codec, nonce, 0, nonce.length);
        f.put(CLOSE);
        return new String(f.out, 0, f.p, StandardCharsets.ISO_8859_1);
    }

    private void field(TextCodec codec, byte[] data, int off, int len) {
        ensure(TextCodec.maxEncodedLength(len));
        int n = codec.encodeInto(data, off, len, out, p);
        if (!codec.mayNeedJsonEscapes()) {
            p += n;
            return;
        }
        int extra = 0;
        for (int i = p; i < p + n; i++) {
            extra += escapeLength(out[i]) - 1;
        }
        if (extra == 0) {
            p += n;
            return;
        }
        ensure(n + extra);
        // widen in place from the end, escaping as json.dumps does (short forms, else backslash-u-00XX)
        int src = p + n - 1;
        int dst = p + n + extra - 1;
        while (src >= p) {
            byte c = out[src--];
            int k = escapeLength(c);
            if (k == 1) {
                out[dst--] = c;
            } else if (k == 2) {
                out[dst--] = shortEscape(c);
                out[dst--] = '\\';
            } else {
                out[dst--] = HEX[c & 0xF];
                out[dst--] = HEX[(c >> 4) & 0xF];
                out[dst--] = '0';
                out[dst--] = '0';
                out[dst--] = 'u';
                out[dst--] = '\\';
            }
        }
        p += n + extra;
    }

    private static int escapeLength(byte c) {
        if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t' || c == '\b' || c == '\f') {
            return 2;
        }
        return c >= 0 && c < 0x20 ? 6 : 1;
    }

    private static byte shortEscape(byte c) {
        return switch (c) {
            case '\n' -> 'n';
            case '\r' -> 'r';
            case '\t' -> 't';
            case '\b' -> 'b';
            case '\f' -> 'f';
            default -> c; // '"' and '\\' stand for themselves after the backslash
        };
    }

    private void put(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, out, p, bytes.length);
        p += bytes.length;
    }

    private void ensure(int more) {
        if (p + more > out.length) {
            out = java.util.Arrays.copyOf(out, Math.max(out.length * 2, p + more));
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
