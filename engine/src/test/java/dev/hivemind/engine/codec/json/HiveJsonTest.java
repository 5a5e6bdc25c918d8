package dev.hivemind.engine.codec.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.error.CloseCode;
import dev.hivemind.api.error.FrameTooLargeException;
import dev.hivemind.api.error.InvalidPayloadException;
import dev.hivemind.engine.vectors.VectorFiles;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HiveJsonTest {
    private final HiveJson json = HiveJson.withDefaults();
    private static final Map<String, Object> PYTHON = VectorFiles.load("/json/python_json_dumps.json");

    @Test
    void keepsKeyOrderAndMapsNumbersToTheSmallestFittingType() {
        Map<String, Object> m = json.parseObject(
                "{\"z\": 1, \"a\": 4294967296, \"m\": 123456789012345678901234567890, \"f\": 1.0, \"e\": 1e2,"
                        + " \"n\": null, \"t\": true, \"l\": [false, \"s\"], \"o\": {}}");
        assertEquals(List.of("z", "a", "m", "f", "e", "n", "t", "l", "o"), new ArrayList<>(m.keySet()));
        assertEquals(1, m.get("z"));
        assertEquals(4294967296L, m.get("a"));
        assertEquals(new BigInteger("123456789012345678901234567890"), m.get("m"));
        assertEquals(1.0, m.get("f"));
        assertEquals(100.0, m.get("e"));
        assertNull(m.get("n"));
        assertTrue(m.containsKey("n"));
        assertEquals(Boolean.TRUE, m.get("t"));
        assertEquals(List.of(false, "s"), m.get("l"));
        assertInstanceOf(LinkedHashMap.class, m.get("o"));
    }

    @Test
    void parsesAnyRootValue() {
        assertEquals(List.of(1, 2), json.parse("[1, 2]"));
        assertEquals("x", json.parse(" \"x\" "));
        assertNull(json.parse("null"));
    }

    @Test
    void parseObjectRejectsOtherRoots() {
        InvalidPayloadException e = assertThrows(InvalidPayloadException.class, () -> json.parseObject("[1]"));
        assertTrue(e.getMessage().contains("expected a JSON object, got an array"), e.getMessage());
    }

    @Test
    void roundTripsThroughTheWriter() {
        String text = "{\"msg_type\": \"bus\", \"payload\": {\"type\": \"speak\", \"data\": {\"utterance\": \"héllo \\\"x\\\"\"}, "
                + "\"context\": {}}, \"metadata\": {\"rate\": 16000, \"gain\": 0.5}, \"route\": [], \"node\": null}";
        assertEquals(text, json.write(json.parseObject(text)));
    }

    @TestFactory
    Stream<DynamicTest> floatReprMatchesPython() {
        return VectorFiles.list(PYTHON, "floats").stream().map(c -> {
            double d = Double.longBitsToDouble(Long.parseUnsignedLong((String) c.get("bits"), 16));
            String expected = (String) c.get("dumps");
            return DynamicTest.dynamicTest(expected + " (bits " + c.get("bits") + ")",
                    () -> assertEquals(expected, json.write(d)));
        });
    }

    @TestFactory
    Stream<DynamicTest> stringEscapesMatchPython() {
        List<Map<String, Object>> cases = VectorFiles.list(PYTHON, "strings");
        return cases.stream().map(c -> DynamicTest.dynamicTest("string #" + cases.indexOf(c) + ": " + c.get("dumps"),
                () -> assertEquals(c.get("dumps"), json.write(c.get("value")))));
    }

    @TestFactory
    Stream<DynamicTest> documentsMatchPython() {
        List<Map<String, Object>> cases = VectorFiles.list(PYTHON, "documents");
        return cases.stream().map(c -> DynamicTest.dynamicTest((String) c.get("dumps"),
                () -> assertEquals(c.get("dumps"), json.write(c.get("value")))));
    }

    @Test
    void controlCharactersUseLowercaseHexEscapes() {
        assertEquals("\"\\u0000\\u001f\\u000b\\n\\t\u007f\"", json.write("\u0000\u001f\u000b\n\t\u007f"));
        assertEquals("\"\\u001b[0m\"", json.write("\u001b[0m"));
    }

    @Test
    void loneSurrogatesAreEscapedSoTheFrameStaysValidUtf8() {
        assertEquals("\"a\\ud800b\\udc00\"", json.write("a\ud800b\udc00"));
        assertEquals("\"\ud83c\udf89\"", json.write("\ud83c\udf89"));
    }

    @Test
    void writerRefusesValuesThatAreNotJson() {
        assertThrows(IllegalArgumentException.class, () -> json.write(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> json.write(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> json.write(new Object()));
        Map<Object, Object> intKey = new HashMap<>();
        intKey.put(1, "x");
        assertThrows(IllegalArgumentException.class, () -> json.write(intKey));
        List<Object> cyclic = new ArrayList<>();
        cyclic.add(cyclic);
        assertThrows(IllegalArgumentException.class, () -> json.write(cyclic));
    }

    @ParameterizedTest(name = "malformed: {0}")
    @ValueSource(strings = {"{", "{\"a\"", "{\"a\":", "{\"a\": 1", "{\"a\": 1,}", "[1, 2", "{'a': 1}", "{a: 1}",
            "{\"a\": tru}", "{\"a\": 01}", "{\"a\": .5}", "{\"a\": NaN}", "{\"a\": Infinity}", "{\"a\": -Infinity}",
            "{\"a\": \"unterminated}", "{\"a\": \"bad \\x escape\"}", "{\"a\": 1} {}", "{\"a\": 1} x", "{} []",
            "", "   ", "{\"a\": [1,]}", "{\"a\": \"raw \u0001 control\"}", "\"\\ud800"})
    void malformedJsonIsATypedError(String text) {
        InvalidPayloadException e = assertThrows(InvalidPayloadException.class, () -> json.parse(text));
        assertEquals(CloseCode.INVALID_PAYLOAD, e.closeCode());
    }

    @Test
    void truncationAtEveryOffsetIsATypedError() {
        String text = "{\"msg_type\": \"bus\", \"payload\": {\"type\": \"speak\", \"data\": {\"n\": [1, 2.5, null]}}}";
        for (int i = 0; i < text.length(); i++) {
            String cut = text.substring(0, i);
            assertThrows(InvalidPayloadException.class, () -> json.parse(cut), "cut at " + i);
        }
    }

    @Test
    void errorMessagesNeverQuoteTheText() {
        InvalidPayloadException e = assertThrows(InvalidPayloadException.class,
                () -> json.parse("{\"pw\": \"s3cr3t-value\" x}"));
        assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
        assertNull(e.getCause());
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void duplicateKeysAreRejectedNotLastWins() {
        InvalidPayloadException top = assertThrows(InvalidPayloadException.class,
                () -> json.parse("{\"ciphertext\": \"a\", \"ciphertext\": \"b\"}"));
        assertTrue(top.getMessage().contains("duplicate key \"ciphertext\""), top.getMessage());
        assertEquals("duplicate JSON key", top.reason());
        assertThrows(InvalidPayloadException.class, () -> json.parse("[{\"a\": {\"b\": 1, \"b\": 1}}]"));
    }

    @Test
    void nestingUpToTheLimitIsAcceptedAndBeyondIsRejected() {
        HiveJson shallow = new HiveJson(new JsonLimits(1 << 20, 3, 100));
        shallow.parse("{\"a\": [{\"b\": 1}]}");
        InvalidPayloadException e = assertThrows(InvalidPayloadException.class,
                () -> shallow.parse("{\"a\": [{\"b\": []}]}"));
        assertTrue(e.getMessage().contains("nested deeper than 3"), e.getMessage());
    }

    @Test
    void aMillionLevelsFailFastWithoutStackOverflow() {
        String deep = "[".repeat(500_000) + "]".repeat(500_000);
        HiveJson big = new HiveJson(new JsonLimits(2 << 20, 64, 100));
        InvalidPayloadException e = assertThrows(InvalidPayloadException.class, () -> big.parse(deep));
        assertEquals("JSON nested too deeply", e.reason());
    }

    @Test
    void oversizedTextIsRejectedBeforeParsing() {
        HiveJson small = new HiveJson(new JsonLimits(16, 8, 100));
        small.parse("{\"a\": \"0123456\"}");
        FrameTooLargeException e = assertThrows(FrameTooLargeException.class, () -> small.parse("{\"a\": \"01234567\"}"));
        assertEquals(CloseCode.MESSAGE_TOO_BIG, e.closeCode());
        // the limit counts UTF-8 bytes, not chars: 6 chars of 3 bytes each
        HiveJson tiny = new HiveJson(new JsonLimits(16, 8, 100));
        assertThrows(FrameTooLargeException.class, () -> tiny.parse("\"日本語日本語\""));
        assertThrows(FrameTooLargeException.class, () -> tiny.parse(new byte[17]));
    }

    @Test
    void overlongStringsAndKeysAreRejected() {
        HiveJson limited = new HiveJson(new JsonLimits(1 << 20, 8, 10));
        limited.parse("{\"0123456789\": \"0123456789\"}");
        assertThrows(InvalidPayloadException.class, () -> limited.parse("{\"a\": \"01234567890\"}"));
        assertThrows(InvalidPayloadException.class, () -> limited.parse("{\"01234567890\": 1}"));
        HiveJson defaults = HiveJson.withDefaults();
        String huge = "\"" + "x".repeat(1 << 19) + "\"";
        assertEquals(1 << 19, ((String) defaults.parse(huge)).length());
    }

    @Test
    void numbersBeyondDoubleRangeAreRejected() {
        assertThrows(InvalidPayloadException.class, () -> json.parse("{\"a\": 1e400}"));
        assertThrows(InvalidPayloadException.class, () -> json.parse("[-1e400]"));
        assertEquals(0.0, json.parse("1e-400"));
    }

    @Test
    void bytesMustBeStrictUtf8() {
        assertEquals(Map.of("a", "é"), json.parseObject(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0xA9, '"', '}'}));
        byte[][] bad = {
                {'"', (byte) 0xC3, '"'},                                // truncated sequence
                {'"', (byte) 0xC0, (byte) 0xAF, '"'},                   // overlong '/'
                {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'},      // UTF-8 encoded surrogate
                {'"', (byte) 0xFF, '"'},                                // never valid
                {'"', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"'}, // beyond U+10FFFF
        };
        for (byte[] b : bad) {
            InvalidPayloadException e = assertThrows(InvalidPayloadException.class, () -> json.parse(b));
            assertEquals("invalid UTF-8", e.reason());
        }
    }

    @Test
    void nullTextIsATypedError() {
        assertThrows(InvalidPayloadException.class, () -> json.parse((String) null));
        assertThrows(InvalidPayloadException.class, () -> json.parse((byte[]) null));
    }

    @Test
    void limitsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new JsonLimits(0, 1, 1));
        assertEquals(new JsonLimits(1 << 20, 64, 1 << 20), JsonLimits.defaults());
    }
}
