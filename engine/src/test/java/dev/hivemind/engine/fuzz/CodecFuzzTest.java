package dev.hivemind.engine.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.TextEncoding;
import dev.hivemind.engine.codec.binary.Binarizer;
import dev.hivemind.engine.codec.json.HiveJson;
import dev.hivemind.engine.codec.json.HiveMessageCodec;
import dev.hivemind.engine.codec.json.JsonLimits;
import dev.hivemind.engine.codec.text.TextCodecs;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Property-based fuzzing (jqwik) of every decoder a peer's bytes reach before authentication or decryption: the JSON
 * parser and message codec, the seven text decoders and the binarization decoder. Any input gives a result or a typed
 * error, quickly, with bounded output. A short run is part of {@code mvn verify}; docs/SECURITY.md has the long run.
 */
class CodecFuzzTest {
    private static final int LIMIT = 64 * 1024;
    private static final HiveJson JSON = new HiveJson(new JsonLimits(LIMIT, 64, LIMIT));
    private static final HiveMessageCodec CODEC = new HiveMessageCodec(JSON);
    private static final Binarizer BINARIZER = new Binarizer(JSON, LIMIT);

    @Property
    void jsonParserTakesAnyText(@ForAll("jsonish") String text) {
        Bounded.typedOrResult(() -> JSON.parse(text));
        Bounded.typedOrResult(() -> JSON.parse(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Property
    void jsonParserTakesAnyBytes(@ForAll @Size(max = 512) byte[] bytes) {
        Bounded.typedOrResult(() -> JSON.parse(bytes));
    }

    @Property
    void messageCodecTakesAnyText(@ForAll("messageish") String text) {
        HiveMessage m = Bounded.typedOrResult(() -> CODEC.parse(text));
        if (m != null) {
            Bounded.typedOrResult(() -> CODEC.serialize(m));
        }
    }

    @Property
    void everyTextDecoderTakesAnyText(@ForAll TextEncoding encoding, @ForAll("encodedish") String text) {
        byte[] out = Bounded.typedOrResult(() -> TextCodecs.of(encoding).decode(text));
        if (out != null) {
            assertTrue(out.length <= text.length(), "a decoder never outputs more bytes than it read characters");
        }
    }

    @Property
    void everyTextCodecRoundTrips(@ForAll TextEncoding encoding, @ForAll @Size(max = 300) byte[] data) {
        String text = TextCodecs.of(encoding).encode(data);
        assertArrayEquals(data, TextCodecs.of(encoding).decode(text));
    }

    @Property
    void binarizationDecoderTakesAnyBytes(@ForAll("binaryish") byte[] data) {
        HiveMessage m = Bounded.typedOrResult(() -> BINARIZER.decode(data));
        if (m != null) {
            assertTrue(CODEC.serialize(m).length() <= 4L * LIMIT, "the inflated message stays within the bound");
        }
    }

    @Provide
    Arbitrary<String> jsonish() {
        Arbitrary<String> tokens = Arbitraries.of("{", "}", "[", "]", ":", ",", "\"", "\\", "\\u", "0", "-1", "1e999",
                "1.5", "true", "false", "null", "\"msg_type\"", "\"payload\"", "\"a\"", " ", "\u0000", "\uD800", "é",
                "NaN", "Infinity", "\"bus\"", "{\"a\":", "[[[[[[[[", "]]]]]]]]");
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(200),
                tokens.list().ofMaxSize(80).map(l -> String.join("", l)));
    }

    @Provide
    Arbitrary<String> messageish() {
        Arbitrary<String> types = Arbitraries.of("bus", "shake", "hello", "bin", "intercom", "propagate", "ping",
                "x", "", "BUS");
        Arbitrary<String> payloads = Arbitraries.of("{}", "null", "[]", "1", "\"s\"",
                "{\"type\":\"speak\",\"data\":{},\"context\":{}}", "{\"msg_type\":\"bus\",\"payload\":{}}");
        Arbitrary<String> messages = net.jqwik.api.Combinators.combine(types, payloads, Arbitraries.of("", ",\"route\":[]",
                ",\"metadata\":{}", ",\"node\":null", ",\"extra\":1", ",\"msg_type\":\"bus\"", ",\"bin_type\":7"))
                .as((t, p, extra) -> "{\"msg_type\":\"" + t + "\",\"payload\":" + p + extra + "}");
        return Arbitraries.oneOf(messages, jsonish());
    }

    @Provide
    Arbitrary<String> encodedish() {
        Arbitrary<Character> alphabet = Arbitraries.chars().with(
                "0123456789abcdefABCDEFGHIJKLMNOPQRSTUVWXYZ+/=-_.:!?#$%&()*<>@[]^`{|}~\"',;\\ \n\u00e9\u0000");
        return Arbitraries.oneOf(alphabet.list().ofMaxSize(300).map(CodecFuzzTest::join),
                Arbitraries.strings().ofMaxLength(100));
    }

    @Provide
    Arbitrary<byte[]> binaryish() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(400);
        Arbitrary<byte[]> valid = Arbitraries.strings().alpha().ofMaxLength(100).map(s -> BINARIZER.encode(
                HiveMessage.bus("speak", java.util.Map.of("utterance", s), java.util.Map.of())));
        Arbitrary<byte[]> mutated = net.jqwik.api.Combinators.combine(valid, Arbitraries.integers().between(0, 10_000),
                Arbitraries.integers().between(0, 7)).as((b, at, bit) -> {
                    byte[] copy = b.clone();
                    copy[at % copy.length] ^= (byte) (1 << bit);
                    return copy;
                });
        Arbitrary<byte[]> truncated = net.jqwik.api.Combinators.combine(valid, Arbitraries.integers().between(0, 10_000))
                .as((b, at) -> java.util.Arrays.copyOf(b, at % (b.length + 1)));
        return Arbitraries.oneOf(random, valid, mutated, truncated);
    }

    private static String join(java.util.List<Character> chars) {
        StringBuilder b = new StringBuilder(chars.size());
        chars.forEach(b::append);
        return b.toString();
    }
}
