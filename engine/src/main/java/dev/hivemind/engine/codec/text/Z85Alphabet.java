package dev.hivemind.engine.codec.text;

import dev.hivemind.api.wire.TextEncoding;
import java.util.Arrays;

/** The ZeroMQ Z85 alphabet shared by the Z85b and Z85p variants. */
final class Z85Alphabet {
    static final String CHARS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#";
    private static final int[] DIGIT = new int[128];

    static {
        Arrays.fill(DIGIT, -1);
        for (int i = 0; i < CHARS.length(); i++) {
            DIGIT[CHARS.charAt(i)] = i;
        }
    }

    private Z85Alphabet() {
    }

    /** The base-85 digit of {@code text.charAt(index)}, or an error naming the encoding. */
    static int digit(TextEncoding encoding, String text, int index) {
        char c = text.charAt(index);
        int d = c < 128 ? DIGIT[c] : -1;
        if (d < 0) {
            throw TextCodecs.illegalChar(encoding, text, index);
        }
        return d;
    }
}
