package dev.hivemind.engine.codec.text;

import dev.hivemind.api.wire.TextEncoding;
import java.nio.charset.StandardCharsets;
import org.apache.commons.codec.CodecPolicy;
import org.apache.commons.codec.binary.Base32;

/**
 * JSON-B32: RFC 4648 Base32, uppercase, with padding (commons-codec). Decoding is case-sensitive, as Python's
 * {@code base64.b32decode} is by default: lowercase letters are illegal.
 */
final class Base32Codec implements TextCodec {
    private static final Base32 BASE32 = Base32.builder().setDecodingPolicy(CodecPolicy.STRICT).get();

    @Override
    public boolean mayNeedJsonEscapes() {
        return false;
    }

    @Override
    public TextEncoding encoding() {
        return TextEncoding.JSON_B32;
    }

    @Override
    public String encode(byte[] data) {
        return new String(BASE32.encode(data), StandardCharsets.US_ASCII);
    }

    @Override
    public byte[] decode(String text) {
        TextCodecs.requireText(encoding(), text);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7') || c == '=')) {
                throw TextCodecs.illegalChar(encoding(), text, i);
            }
        }
        int end = TextCodecs.paddingStart(text);
        int pad = text.length() - end;
        if (text.length() % 8 != 0 || !(pad == 0 || pad == 1 || pad == 3 || pad == 4 || pad == 6)
                || (text.indexOf('=') >= 0 && text.indexOf('=') < end)) {
            throw TextCodecs.invalid(encoding(), "bad padding");
        }
        byte[] out;
        try {
            out = BASE32.decode(text.getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw TextCodecs.invalid(encoding(), "non-canonical encoding (trailing bits)");
        }
        if (!encode(out).equals(text)) {
            throw TextCodecs.invalid(encoding(), "non-canonical encoding (trailing bits)");
        }
        return out;
    }
}
