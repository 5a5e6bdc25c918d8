package dev.hivemind.engine.codec.text;

import dev.hivemind.api.wire.TextEncoding;
import java.util.Base64;

/** JSON-B64 and JSON-URLSAFE-B64: RFC 4648 Base64 with padding (JDK codec), canonical form only. */
final class Rfc4648Base64Codec implements TextCodec {
    private final TextEncoding encoding;
    private final Base64.Encoder encoder;
    private final Base64.Decoder decoder;
    private final char char62;
    private final char char63;

    private Rfc4648Base64Codec(TextEncoding encoding, Base64.Encoder encoder, Base64.Decoder decoder, char c62, char c63) {
        this.encoding = encoding;
        this.encoder = encoder;
        this.decoder = decoder;
        this.char62 = c62;
        this.char63 = c63;
    }

    static Rfc4648Base64Codec standard() {
        return new Rfc4648Base64Codec(TextEncoding.JSON_B64, Base64.getEncoder(), Base64.getDecoder(), '+', '/');
    }

    static Rfc4648Base64Codec urlSafe() {
        return new Rfc4648Base64Codec(TextEncoding.JSON_URLSAFE_B64, Base64.getUrlEncoder(), Base64.getUrlDecoder(), '-', '_');
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
    public byte[] decode(String text) {
        TextCodecs.requireText(encoding, text);
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
