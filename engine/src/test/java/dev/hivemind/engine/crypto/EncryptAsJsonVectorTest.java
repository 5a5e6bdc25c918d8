package dev.hivemind.engine.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.auth.SessionKey;
import dev.hivemind.api.wire.CipherSuite;
import dev.hivemind.api.wire.TextEncoding;
import dev.hivemind.engine.vectors.VectorFiles;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** encrypt_as_json.json: every cipher x encoding, both directions, plus the tag-less WebCrypto form. */
class EncryptAsJsonVectorTest {
    private static final Map<String, Object> V = VectorFiles.load("hivemind/encrypt_as_json.json");
    private static final String PLAINTEXT = VectorFiles.str(V, "plaintext_utf8");

    @TestFactory
    Stream<DynamicTest> everyCipherAndEncoding() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map<String, Object> c : VectorFiles.list(V, "cases")) {
            CipherSuite suite = CipherSuite.fromWire((String) c.get("cipher")).orElseThrow();
            TextEncoding encoding = TextEncoding.fromWire((String) c.get("encoding")).orElseThrow();
            String frame = (String) c.get("frame");
            String label = suite.wireName() + " " + encoding.wireName();
            tests.add(DynamicTest.dynamicTest(label + ": decrypts the recorded frame", () -> {
                try (SessionCrypto s = receiver(suite)) {
                    assertEquals(PLAINTEXT, new String(s.openText(frame, encoding), StandardCharsets.UTF_8));
                }
            }));
            tests.add(DynamicTest.dynamicTest(label + ": encrypts to the identical frame text", () -> {
                try (SessionCrypto s = sender(suite)) {
                    assertEquals(frame, s.sealText(PLAINTEXT.getBytes(StandardCharsets.UTF_8), encoding));
                }
            }));
        }
        return tests.stream();
    }

    @Test
    void webCryptoFormWithoutTagDecrypts() {
        Map<String, Object> w = VectorFiles.object(V, "webcrypto_no_tag_form");
        assertEquals(true, w.get("decrypts"));
        String frame = (String) w.get("frame");
        assertTrue(!frame.contains("\"tag\""));
        CipherSuite suite = CipherSuite.fromWire((String) w.get("cipher")).orElseThrow();
        try (SessionCrypto s = receiver(suite)) {
            byte[] plaintext = s.openText(frame, TextEncoding.fromWire((String) w.get("encoding")).orElseThrow());
            assertEquals(PLAINTEXT, new String(plaintext, StandardCharsets.UTF_8));
        }
    }

    private static SessionCrypto receiver(CipherSuite suite) {
        return new SessionCrypto(key(), suite, new NonceSequence(suite), new ReplayGuard());
    }

    private static SessionCrypto sender(CipherSuite suite) {
        String nonceField = suite == CipherSuite.AES_GCM ? "aes_nonce_hex" : "chacha_nonce_hex";
        return new SessionCrypto(key(), suite, new FixedNonceSource(VectorFiles.hex(V, nonceField)), null);
    }

    private static SessionKey key() {
        return SessionKey.copyOf(VectorFiles.hex(V, "key_hex"));
    }
}
