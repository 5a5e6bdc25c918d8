package dev.hivemind.auth.password;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** poorman_handshake's known answers (password_handshake.json), one test per fact. */
class PasswordVectorsTest {
    private static final JsonNode V = Vectors.passwordHandshake();
    private static final byte[] PASSWORD = V.get("password_utf8").asText().getBytes(StandardCharsets.UTF_8);
    private static final byte[] CLIENT_IV = Vectors.hex(V.get("client_iv_hex"));
    private static final byte[] SERVER_IV = Vectors.hex(V.get("server_iv_hex"));

    @Test
    void clientEnvelopeFromTheFixedClientIv() {
        assertEquals(V.get("client_envelope").asText(),
                HsubCodec.toHex(HsubCodec.create(PASSWORD, CLIENT_IV, HsubCodec.GENERATED_HEX_CHARS)));
    }

    @Test
    void serverEnvelopeFromTheFixedServerIv() {
        assertEquals(V.get("server_envelope").asText(),
                HsubCodec.toHex(HsubCodec.create(PASSWORD, SERVER_IV, HsubCodec.GENERATED_HEX_CHARS)));
    }

    @Test
    void longestEnvelopeCarriesTheWholeDigest() {
        String full = HsubCodec.toHex(HsubCodec.create(PASSWORD, CLIENT_IV, HsubCodec.MAX_HEX_CHARS));
        assertEquals(V.get("hsub_length_rules").get("long_form_80_of_client").asText(), full);
        assertEquals(V.get("client_envelope_full_sha256_hex").asText(), full.substring(16));
    }

    @Test
    void lengthRulesMatchTheReference() {
        JsonNode rules = V.get("hsub_length_rules");
        assertEquals(rules.get("min_hex_chars").asInt(), HsubCodec.MIN_HEX_CHARS);
        assertEquals(rules.get("max_hex_chars").asInt(), HsubCodec.MAX_HEX_CHARS);
        assertEquals(rules.get("generated_hex_chars").asInt(), HsubCodec.GENERATED_HEX_CHARS);
    }

    @Test
    void clientEnvelopeVerifies() {
        assertTrue(HsubCodec.matches(PASSWORD, HsubCodec.parse(V.get("client_envelope").asText())));
    }

    @Test
    void serverEnvelopeVerifies() {
        assertTrue(HsubCodec.matches(PASSWORD, HsubCodec.parse(V.get("server_envelope").asText())));
    }

    @Test
    void longFormVerifiesAsTheReferenceSays() {
        JsonNode rules = V.get("hsub_length_rules");
        assertEquals(rules.get("long_form_80_matches").asBoolean(),
                HsubCodec.matches(PASSWORD, HsubCodec.parse(rules.get("long_form_80_of_client").asText())));
    }

    /** Every accepted length, 48 to 80 hex characters, cut from the reference's long form. */
    @TestFactory
    Stream<DynamicTest> everyAcceptedLengthOfTheLongFormVerifies() {
        String longForm = V.get("hsub_length_rules").get("long_form_80_of_client").asText();
        List<DynamicTest> tests = new ArrayList<>();
        for (int n = HsubCodec.MIN_HEX_CHARS; n <= HsubCodec.MAX_HEX_CHARS; n += 2) {
            String cut = longForm.substring(0, n);
            tests.add(dynamicTest(n + " hex characters", () -> assertTrue(HsubCodec.matches(PASSWORD, HsubCodec.parse(cut)))));
        }
        return tests.stream();
    }

    @Test
    void wrongPasswordDoesNotVerifyTheServerEnvelope() {
        JsonNode negative = V.get("negative");
        byte[] wrong = negative.get("password").asText().getBytes(StandardCharsets.UTF_8);
        assertEquals(negative.get("verifies_server_envelope").asBoolean(),
                HsubCodec.matches(wrong, HsubCodec.parse(V.get("server_envelope").asText())));
        assertFalse(HsubCodec.matches(wrong, HsubCodec.parse(V.get("client_envelope").asText())));
    }

    @Test
    void saltIsTheXorOfBothIvs() {
        assertArrayEquals(Vectors.hex(V.get("salt_hex")), HsubCodec.salt(CLIENT_IV, SERVER_IV));
        assertArrayEquals(Vectors.hex(V.get("salt_hex")), HsubCodec.salt(SERVER_IV, CLIENT_IV));
    }

    @Test
    void kdfParametersMatchTheReference() {
        JsonNode kdf = V.get("pbkdf2");
        assertEquals("HMAC-SHA256", kdf.get("prf").asText());
        assertEquals(kdf.get("iterations").asInt(), PasswordKdf.ITERATIONS);
        assertEquals(kdf.get("dklen").asInt(), PasswordKdf.KEY_BYTES);
    }

    @Test
    void sessionKeyIsPbkdf2OfPasswordAndSalt() {
        byte[] key = PasswordKdf.derive(V.get("password_utf8").asText().toCharArray(), Vectors.hex(V.get("salt_hex")));
        assertArrayEquals(Vectors.hex(V.get("session_key_hex")), key);
    }
}
