package dev.hivemind.auth.psk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hivemind.api.auth.SessionKey;
import dev.hivemind.api.error.CloseCode;
import dev.hivemind.api.error.InternalHiveMindException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pre-shared key: accepted lengths, weak-key detection, the reference's key bytes, zeroing. */
class PresharedKeyTest {
    private static final HexFormat HEX = HexFormat.of();

    @ParameterizedTest(name = "{0} ASCII characters → usable: {1}, weak: {2}")
    @CsvSource({"1,false,", "15,false,", "16,true,true", "17,false,", "23,false,", "24,true,true", "25,false,",
            "31,false,", "32,true,false", "33,false,", "48,false,", "64,false,"})
    void usableLengthsAre16_24_32Bytes(int length, boolean usable, Boolean weak) {
        String key = "Q".repeat(length);
        assertEquals(usable, PresharedKey.problem(key).isEmpty());
        if (usable) {
            try (PresharedKey psk = PresharedKey.of(key)) {
                assertEquals(length, psk.length());
                assertEquals(weak, psk.isWeak());
            }
        } else {
            InternalHiveMindException e = assertThrows(InternalHiveMindException.class, () -> PresharedKey.of(key));
            assertEquals(CloseCode.INTERNAL_ERROR, e.closeCode());
            assertEquals("invalid pre-shared key", e.reason());
            assertTrue(e.getMessage().contains(length + " bytes"), e.getMessage());
            assertTrue(e.getMessage().contains("16, 24 or 32"), e.getMessage());
            assertFalse(e.getMessage().contains(key), "the message must not contain the key");
        }
    }

    @Test
    void lengthCountsUtf8BytesNotCharacters() {
        String eightTwoByteChars = "é".repeat(8);
        String sixteenTwoByteChars = "é".repeat(16);
        try (PresharedKey k16 = PresharedKey.of(eightTwoByteChars); PresharedKey k32 = PresharedKey.of(sixteenTwoByteChars)) {
            assertEquals(16, k16.length());
            assertEquals(32, k32.length());
            assertTrue(k32.isWeak(), "32 bytes but only 16 characters");
        }
        assertFalse(PresharedKey.problem("é".repeat(16) + "x").isEmpty());
    }

    @Test
    void missingKeyIsAProblem() {
        assertFalse(PresharedKey.problem(null).isEmpty());
        assertFalse(PresharedKey.problem("").isEmpty());
        assertThrows(InternalHiveMindException.class, () -> PresharedKey.of(null));
    }

    @Test
    void sessionKeysAreIndependentCopies() {
        String cryptoKey = "6e9941197be7f949";
        SessionKey handedOut;
        try (PresharedKey psk = PresharedKey.of(cryptoKey)) {
            handedOut = psk.toSessionKey();
            SessionKey another = psk.toSessionKey();
            another.destroy();
            assertArrayEquals(cryptoKey.getBytes(StandardCharsets.UTF_8), handedOut.bytes());
            psk.close();
            assertThrows(IllegalStateException.class, psk::toSessionKey);
            assertFalse(psk.toString().contains(cryptoKey));
        }
        assertArrayEquals(cryptoKey.getBytes(StandardCharsets.UTF_8), handedOut.bytes());
    }

    /** aead.json cases made with a pre-shared crypto_key string: our key bytes decrypt the Python frame. */
    @TestFactory
    Stream<DynamicTest> pythonFramesUnderAPresharedKeyDecrypt() throws Exception {
        JsonNode aead;
        try (InputStream in = getClass().getResourceAsStream("/vectors/hivemind/aead.json")) {
            aead = new ObjectMapper().readTree(in);
        }
        String plaintext = aead.get("plaintext_utf8").asText();
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : aead.get("cases")) {
            if (!c.get("key_as_given").isTextual() || !"AES-GCM".equals(c.get("cipher").asText())) {
                continue;
            }
            String given = c.get("key_as_given").asText();
            tests.add(dynamicTest(c.get("name").asText(), () -> {
                try (PresharedKey psk = PresharedKey.of(given)) {
                    byte[] key = psk.toSessionKey().bytes();
                    assertArrayEquals(HEX.parseHex(c.get("key_hex").asText()), key);
                    Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
                    gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                            new GCMParameterSpec(128, HEX.parseHex(c.get("nonce_hex").asText())));
                    byte[] opened = gcm.doFinal(HEX.parseHex(c.get("ciphertext_hex").asText() + c.get("tag_hex").asText()));
                    assertEquals(plaintext, new String(opened, StandardCharsets.UTF_8));
                }
            }));
        }
        assertFalse(tests.isEmpty(), "aead.json has a pre-shared key case");
        return tests.stream();
    }
}
