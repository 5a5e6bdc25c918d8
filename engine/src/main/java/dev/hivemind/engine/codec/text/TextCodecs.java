package dev.hivemind.engine.codec.text;

import dev.hivemind.api.error.InvalidPayloadException;
import dev.hivemind.api.wire.TextEncoding;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** The codec for each {@link TextEncoding}; codecs are stateless and thread-safe. */
public final class TextCodecs {
    private static final Map<TextEncoding, TextCodec> CODECS = new EnumMap<>(TextEncoding.class);

    static {
        register(new HexCodec());
        register(Rfc4648Base64Codec.standard());
        register(Rfc4648Base64Codec.urlSafe());
        register(new Base32Codec());
        register(new Z85bCodec());
        register(new Z85pCodec());
        register(new Base91Codec());
    }

    private TextCodecs() {
    }

    private static void register(TextCodec codec) {
        CODECS.put(codec.encoding(), codec);
    }

    /** The codec for an encoding. */
    public static TextCodec of(TextEncoding encoding) {
        return CODECS.get(Objects.requireNonNull(encoding, "encoding"));
    }

    /** The error for text that is not valid in {@code encoding}. */
    static InvalidPayloadException invalid(TextEncoding encoding, String problem) {
        return new InvalidPayloadException("invalid " + encoding.wireName() + " text",
                encoding.wireName() + ": " + problem);
    }

    static InvalidPayloadException illegalChar(TextEncoding encoding, String text, int index) {
        return invalid(encoding, String.format("illegal character U+%04X at index %d", (int) text.charAt(index), index));
    }

    /** Index where the trailing run of '=' begins (the text length if there is none). */
    static int paddingStart(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '=') {
            end--;
        }
        return end;
    }

    static String requireText(TextEncoding encoding, String text) {
        if (text == null) {
            throw invalid(encoding, "no text");
        }
        return text;
    }
}
