package dev.hivemind.engine.codec.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hivemind.api.wire.TextEncoding;
import dev.hivemind.engine.vectors.VectorFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** text_encodings.json: every case, every encoding, both ways. */
class TextEncodingsVectorTest {
    private static final Map<String, Object> V = VectorFiles.load("hivemind/text_encodings.json");
    private static final Map<TextEncoding, String> FIELD = Map.of(
            TextEncoding.JSON_Z85B, "z85b",
            TextEncoding.JSON_Z85P, "z85p_bytes_hex",
            TextEncoding.JSON_B91, "b91",
            TextEncoding.JSON_B64, "b64",
            TextEncoding.JSON_B32, "b32",
            TextEncoding.JSON_URLSAFE_B64, "urlsafe_b64",
            TextEncoding.JSON_HEX, "hex");

    @TestFactory
    Stream<DynamicTest> everyCaseEveryEncodingBothWays() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map<String, Object> c : VectorFiles.list(V, "cases")) {
            byte[] input = VectorFiles.hex(c, "input_hex");
            for (TextEncoding e : TextEncoding.values()) {
                String expected = expected(c, e);
                TextCodec codec = TextCodecs.of(e);
                String label = e.wireName() + " of " + (input.length == 0 ? "(empty)" : c.get("input_hex"));
                tests.add(DynamicTest.dynamicTest(label + " encodes",
                        () -> assertEquals(expected, codec.encode(input))));
                tests.add(DynamicTest.dynamicTest(label + " decodes",
                        () -> assertArrayEquals(input, codec.decode(expected))));
            }
        }
        return tests.stream();
    }

    /** Z85P's recorded form is bytes (its first byte is the pad count); each byte is one char of the text. */
    private static String expected(Map<String, Object> c, TextEncoding e) {
        String field = FIELD.get(e);
        if (e == TextEncoding.JSON_Z85P) {
            byte[] raw = VectorFiles.hex(c, field);
            StringBuilder s = new StringBuilder();
            for (byte b : raw) {
                s.append((char) (b & 0xFF));
            }
            return s.toString();
        }
        return (String) c.get(field);
    }
}
