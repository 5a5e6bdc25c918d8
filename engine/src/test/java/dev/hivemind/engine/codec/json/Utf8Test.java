package dev.hivemind.engine.codec.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@link Utf8#encode} gives the JDK's UTF-8 bytes for every kind of character JSON text holds. */
class Utf8Test {
    @Test
    void matchesTheJdkEncoder() {
        for (String s : new String[] {"", "ascii only", "café ß", "€ 漢字", "emoji \uD83D\uDE00 pair", "mixed a\u0000b\u007f"}) {
            byte[] out = new byte[Utf8.maxEncodedLength(s.length())];
            int n = Utf8.encode(new StringBuilder(s), out);
            assertArrayEquals(s.getBytes(StandardCharsets.UTF_8), Arrays.copyOf(out, n), s);
        }
    }

    @Test
    void aLoneSurrogateBecomesAQuestionMarkAsTheJdkWritesIt() {
        String s = "a\uD800b";
        byte[] out = new byte[Utf8.maxEncodedLength(s.length())];
        int n = Utf8.encode(s, out);
        assertArrayEquals(s.getBytes(StandardCharsets.UTF_8), Arrays.copyOf(out, n));
    }
}
