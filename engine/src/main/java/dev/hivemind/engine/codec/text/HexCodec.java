package dev.hivemind.engine.codec.text;

import dev.hivemind.api.wire.TextEncoding;
import java.util.HexFormat;

/** JSON-HEX: lowercase hex out, either case in. */
final class HexCodec implements TextCodec {
    private static final HexFormat HEX = HexFormat.of();

    @Override
    public TextEncoding encoding() {
        return TextEncoding.JSON_HEX;
    }

    @Override
    public String encode(byte[] data) {
        return HEX.formatHex(data);
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
