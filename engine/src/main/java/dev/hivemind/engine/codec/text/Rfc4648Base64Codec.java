package dev.hivemind.engine.codec.text;

import dev.hivemind.api.wire.TextEncoding;
import java.util.Base64;

/** JSON-B64 and JSON-URLSAFE-B64: RFC 4648 Base64 with padding (JDK codec), canonical form only. */
final class Rfc4648Base64Codec implements TextCodec {
    private static final java.lang.invoke.VarHandle INT_BIG_ENDIAN =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(int[].class, java.nio.ByteOrder.BIG_ENDIAN);
    private final TextEncoding encoding;
    private final Base64.Encoder encoder;
    private final Base64.Decoder decoder;
    private final char char62;
    private final char char63;
    private final byte[] alphabet;
    /** Two output characters for each 12-bit value, big-endian in a short: one int store per three input bytes. */
    private final short[] pairs = new short[4096];

    private Rfc4648Base64Codec(TextEncoding encoding, Base64.Encoder encoder, Base64.Decoder decoder, char c62, char c63) {
        this.encoding = encoding;
        this.encoder = encoder;
        this.decoder = decoder;
        this.char62 = c62;
        this.char63 = c63;
        this.alphabet = ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789" + c62 + c63)
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int i = 0; i < pairs.length; i++) {
            pairs[i] = (short) (alphabet[i >>> 6] << 8 | alphabet[i & 0x3F]);
        }
    }

    static Rfc4648Base64Codec standard() {
        return new Rfc4648Base64Codec(TextEncoding.JSON_B64, Base64.getEncoder(), Base64.getDecoder(), '+', '/');
    }

    static Rfc4648Base64Codec urlSafe() {
        return new Rfc4648Base64Codec(TextEncoding.JSON_URLSAFE_B64, Base64.getUrlEncoder(), Base64.getUrlDecoder(), '-', '_');
    }

    @Override
    public boolean mayNeedJsonEscapes() {
        return false;
    }

    @Override
    public TextEncoding encoding() {
        return encoding;
    }

    @Override
    public String encode(byte[] data) {
        return encoder.encodeToString(data);
    }

    @Override
    public int encodeInto(byte[] data, int off, int len, byte[] out, int outOff) {
        int p = outOff;
        int end = off + len - len % 3;
        int i = off;
        while (i < end) {
            int v = (data[i] & 0xFF) << 16 | (data[i + 1] & 0xFF) << 8 | (data[i + 2] & 0xFF);
            INT_BIG_ENDIAN.set(out, p, pairs[v >>> 12] << 16 | (pairs[v & 0xFFF] & 0xFFFF));
            i += 3;
            p += 4;
        }
        int rest = off + len - end;
        if (rest > 0) {
            int v = (data[i] & 0xFF) << 16 | (rest == 2 ? (data[i + 1] & 0xFF) << 8 : 0);
            out[p++] = alphabet[v >>> 18];
            out[p++] = alphabet[(v >>> 12) & 0x3F];
            out[p++] = rest == 2 ? alphabet[(v >>> 6) & 0x3F] : (byte) '=';
            out[p++] = '=';
        }
        return p - outOff;
    }

    @Override
    public byte[] decode(String text) {
        TextCodecs.requireText(encoding, text);
        byte[] fast = canonicalOrNull(text);
        return fast != null ? fast : checkedDecode(text);
    }

    /** The JDK's (vectorised) decoder on well-formed text; {@code null} when anything is off. */
    private byte[] canonicalOrNull(String text) {
        int n = text.length();
        int end = TextCodecs.paddingStart(text);
        int firstPad = text.indexOf('=');
        if (n % 4 != 0 || n - end > 2 || (firstPad >= 0 && firstPad < end)) {
            return null;
        }
        byte[] out;
        try {
            out = decoder.decode(text); // refuses any character outside the alphabet
        } catch (IllegalArgumentException e) {
            return null;
        }
        // whole groups map one to one; only a final, padded group can carry non-zero trailing bits
        int tail = out.length % 3;
        if (tail != 0 && !encoder.encodeToString(java.util.Arrays.copyOfRange(out, out.length - tail, out.length))
                .regionMatches(0, text, n - 4, 4)) {
            return null;
        }
        return out;
    }

    /** Decodes with a precise error for every way the text can be wrong. */
    private byte[] checkedDecode(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == char62
                    || c == char63 || c == '=';
            if (!ok) {
                throw TextCodecs.illegalChar(encoding, text, i);
            }
        }
        int end = TextCodecs.paddingStart(text);
        if (text.length() % 4 != 0 || text.length() - end > 2 || (text.indexOf('=') >= 0 && text.indexOf('=') < end)) {
            throw TextCodecs.invalid(encoding, "bad padding");
        }
        byte[] out;
        try {
            out = decoder.decode(text);
        } catch (IllegalArgumentException e) {
            throw TextCodecs.invalid(encoding, "bad padding");
        }
        if (!encoder.encodeToString(out).equals(text)) {
            throw TextCodecs.invalid(encoding, "non-canonical encoding (bad padding or trailing bits)");
        }
        return out;
    }
}
