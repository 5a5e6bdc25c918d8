package dev.hivemind.engine.codec.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.error.CloseCode;
import dev.hivemind.api.error.InvalidPayloadException;
import dev.hivemind.api.wire.TextEncoding;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class TextCodecsTest {

    @ParameterizedTest
    @EnumSource(TextEncoding.class)
    void everyEncodingHasACodec(TextEncoding e) {
        assertSame(e, TextCodecs.of(e).encoding());
    }

    /** The round-trip inputs of z85base91's own test suites. */
    static Stream<Arguments> z85base91Samples() {
        String[] samples = {"", "A", "B", "_~", "hello", "Hello World", "The quick brown fox jumps over the lazy dog.",
                "こんにちは", "\u0000\u0000\u0000"};
        Stream.Builder<Arguments> b = Stream.builder();
        for (TextEncoding e : TextEncoding.values()) {
            for (String s : samples) {
                b.add(Arguments.of(e, s.getBytes(StandardCharsets.UTF_8)));
            }
            b.add(Arguments.of(e, filled(1000, (byte) 0xFF)));
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} round-trips {1}")
    @MethodSource("z85base91Samples")
    void roundTrips(TextEncoding e, byte[] data) {
        TextCodec codec = TextCodecs.of(e);
        assertArrayEquals(data, codec.decode(codec.encode(data)));
    }

    @ParameterizedTest
    @EnumSource(TextEncoding.class)
    void roundTripsEveryLengthAndEveryByteValue(TextEncoding e) {
        TextCodec codec = TextCodecs.of(e);
        Random rnd = new Random(e.ordinal());
        for (int len = 0; len <= 70; len++) {
            byte[] data = new byte[len];
            rnd.nextBytes(data);
            assertArrayEquals(data, codec.decode(codec.encode(data)), "length " + len);
        }
        for (int v = 0; v < 256; v++) {
            byte[] one = {(byte) v};
            assertArrayEquals(one, codec.decode(codec.encode(one)), "byte " + v);
            byte[] runs = filled(13, (byte) v);
            assertArrayEquals(runs, codec.decode(codec.encode(runs)), "run of " + v);
        }
    }

    @Test
    void hexIsLowercaseOutAndEitherCaseIn() {
        TextCodec hex = TextCodecs.of(TextEncoding.JSON_HEX);
        assertEquals("00abff", hex.encode(new byte[] {0, (byte) 0xAB, (byte) 0xFF}));
        assertArrayEquals(new byte[] {0, (byte) 0xAB, (byte) 0xFF}, hex.decode("00ABfF"));
    }

    @Test
    void z85pStartsWithThePadCountCharacter() {
        TextCodec z85p = TextCodecs.of(TextEncoding.JSON_Z85P);
        assertEquals('\u0003', z85p.encode(new byte[] {0x41}).charAt(0));
        assertEquals("\u0000", z85p.encode(new byte[0]));
        assertEquals('\u0000', z85p.encode(new byte[16]).charAt(0));
    }

    @Test
    void z85bTruncatesTheLastGroup() {
        TextCodec z85b = TextCodecs.of(TextEncoding.JSON_Z85B);
        for (int k = 1; k <= 3; k++) {
            assertEquals(5 + k + 1, z85b.encode(new byte[4 + k]).length(), "4 + " + k + " bytes");
        }
    }

    static Stream<Arguments> illegalText() {
        return Stream.of(
                Arguments.of(TextEncoding.JSON_HEX, "0g", "illegal character U+0067 at index 1"),
                Arguments.of(TextEncoding.JSON_HEX, "abc", "odd number of hex digits"),
                Arguments.of(TextEncoding.JSON_HEX, "ab cd", "illegal character U+0020"),
                Arguments.of(TextEncoding.JSON_HEX, "0x00", "illegal character U+0078"),
                Arguments.of(TextEncoding.JSON_B64, "QQ=", "bad padding"),
                Arguments.of(TextEncoding.JSON_B64, "QQ", "bad padding"),
                Arguments.of(TextEncoding.JSON_B64, "Q===", "bad padding"),
                Arguments.of(TextEncoding.JSON_B64, "QR==", "non-canonical"),
                Arguments.of(TextEncoding.JSON_B64, "Q-==", "illegal character U+002D"),
                Arguments.of(TextEncoding.JSON_B64, "QQ==\n", "illegal character U+000A at index 4"),
                Arguments.of(TextEncoding.JSON_B64, "Q=Q=", "bad padding"),
                Arguments.of(TextEncoding.JSON_B32, "I=E=====", "bad padding"),
                Arguments.of(TextEncoding.JSON_URLSAFE_B64, "Q+==", "illegal character U+002B"),
                Arguments.of(TextEncoding.JSON_URLSAFE_B64, "_w", "bad padding"),
                Arguments.of(TextEncoding.JSON_B32, "ie======", "illegal character U+0069 at index 0"),
                Arguments.of(TextEncoding.JSON_B32, "IE=====", "bad padding"),
                Arguments.of(TextEncoding.JSON_B32, "IE", "bad padding"),
                Arguments.of(TextEncoding.JSON_B32, "I=======", "bad padding"),
                Arguments.of(TextEncoding.JSON_B32, "IF======", "non-canonical"),
                Arguments.of(TextEncoding.JSON_B32, "IE1=====", "illegal character U+0031"),
                Arguments.of(TextEncoding.JSON_B32, "AAAAAAA8", "illegal character U+0038"),
                Arguments.of(TextEncoding.JSON_Z85B, "+0 ", "illegal character U+0020 at index 2"),
                Arguments.of(TextEncoding.JSON_Z85B, "+0\"", "illegal character U+0022"),
                Arguments.of(TextEncoding.JSON_Z85B, "PE4;", "illegal character U+003B"),
                Arguments.of(TextEncoding.JSON_Z85B, "0", "a final group of one character"),
                Arguments.of(TextEncoding.JSON_Z85B, "000000", "a final group of one character"),
                Arguments.of(TextEncoding.JSON_Z85B, "##", "out of range"),
                Arguments.of(TextEncoding.JSON_Z85B, "#####", "out of range"),
                Arguments.of(TextEncoding.JSON_Z85B, "é0", "illegal character U+00E9"),
                Arguments.of(TextEncoding.JSON_Z85P, "", "missing pad-count character"),
                Arguments.of(TextEncoding.JSON_Z85P, "\u0004k(Z(+", "bad pad-count character U+0004"),
                Arguments.of(TextEncoding.JSON_Z85P, "3k(Z(+", "bad pad-count character U+0033"),
                Arguments.of(TextEncoding.JSON_Z85P, "\u0003k(Z(", "bad length"),
                Arguments.of(TextEncoding.JSON_Z85P, "\u0001", "pad count larger than the data"),
                Arguments.of(TextEncoding.JSON_Z85P, "\u0003k(Z( ", "illegal character U+0020 at index 5"),
                Arguments.of(TextEncoding.JSON_Z85P, "\u0003k(Z(\u0000", "illegal character U+0000 at index 5"),
                Arguments.of(TextEncoding.JSON_Z85P, "\u0000#####", "out of range"),
                Arguments.of(TextEncoding.JSON_Z85P, "\u0003k(Z(0", "non-zero pad bytes"),
                Arguments.of(TextEncoding.JSON_B91, "Invalid🎉Chars", "illegal character U+D83C at index 7"),
                Arguments.of(TextEncoding.JSON_B91, "%A ", "illegal character U+0020"),
                Arguments.of(TextEncoding.JSON_B91, "%A-", "illegal character U+002D"),
                Arguments.of(TextEncoding.JSON_B91, "%A'", "illegal character U+0027"),
                Arguments.of(TextEncoding.JSON_B91, "%A\\", "illegal character U+005C"),
                Arguments.of(TextEncoding.JSON_B91, "A", "non-canonical"),
                Arguments.of(TextEncoding.JSON_B91, "~~", "non-canonical"));
    }

    @ParameterizedTest(name = "{0} rejects \"{1}\": {2}")
    @MethodSource("illegalText")
    void illegalTextIsATypedErrorNamingTheEncoding(TextEncoding e, String text, String problem) {
        InvalidPayloadException ex = assertThrows(InvalidPayloadException.class, () -> TextCodecs.of(e).decode(text));
        assertEquals(CloseCode.INVALID_PAYLOAD, ex.closeCode());
        assertTrue(ex.getMessage().startsWith(e.wireName() + ": "), ex.getMessage());
        assertTrue(ex.getMessage().contains(problem), ex.getMessage());
        assertEquals("invalid " + e.wireName() + " text", ex.reason());
    }

    @ParameterizedTest
    @EnumSource(TextEncoding.class)
    void nullTextIsATypedError(TextEncoding e) {
        assertThrows(InvalidPayloadException.class, () -> TextCodecs.of(e).decode(null));
    }

    @ParameterizedTest
    @EnumSource(TextEncoding.class)
    void randomGarbageNeverEscapesAsAnUntypedError(TextEncoding e) {
        TextCodec codec = TextCodecs.of(e);
        Random rnd = new Random(42 + e.ordinal());
        for (int i = 0; i < 2000; i++) {
            char[] chars = new char[rnd.nextInt(24)];
            for (int j = 0; j < chars.length; j++) {
                chars[j] = (char) (rnd.nextInt(10) == 0 ? rnd.nextInt(0x3000) : 0x20 + rnd.nextInt(0x5f));
            }
            String text = new String(chars);
            try {
                byte[] out = codec.decode(text);
                assertEquals(text, canonicalFor(e, codec.encode(out), text), "accepted text must be canonical");
            } catch (InvalidPayloadException expected) {
                // fine: typed
            }
        }
    }

    /** Hex accepts uppercase input, so compare case-insensitively there. */
    private static String canonicalFor(TextEncoding e, String encoded, String original) {
        return e == TextEncoding.JSON_HEX && encoded.equalsIgnoreCase(original) ? original : encoded;
    }

    private static byte[] filled(int n, byte v) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, v);
        return b;
    }
}
