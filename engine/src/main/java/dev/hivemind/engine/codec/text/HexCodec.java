package dev.hivemind.engine.codec.text;

import dev.hivemind.api.wire.TextEncoding;
import java.util.HexFormat;

/** JSON-HEX: lowercase hex out, either case in. */
final class HexCodec implements TextCodec {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] DIGITS = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @Override
    public boolean mayNeedJsonEscapes() {
        return false;
    }

    @Override
    public TextEncoding encoding() {
        return TextEncoding.JSON_HEX;
    }

    @Override
    public String encode(byte[] data) {
        return HEX.formatHex(data);
    }

    @Override
    public int encodeInto(byte[] data, int off, int len, byte[] out, int outOff) {
        int p = outOff;
        for (int i = off; i < off + len; i++) {
            int b = data[i] & 0xFF;
            out[p++] = DIGITS[b >>> 4];
            out[p++] = DIGITS[b & 0xF];
        }
        return p - outOff;
    }

    @Override
    public byte[] decode(String text) {
        TextCodecs.requireText(encoding(), text);
        for (int i = 0; i < text.length(); i++) {
            if (!HexFormat.isHexDigit(text.charAt(i))) {
                throw TextCodecs.illegalChar(encoding(), text, i);
            }
        }
        if (text.length() % 2 != 0) {
            throw TextCodecs.invalid(encoding(), "odd number of hex digits");
        }
        return HEX.parseHex(text);
    }
}
