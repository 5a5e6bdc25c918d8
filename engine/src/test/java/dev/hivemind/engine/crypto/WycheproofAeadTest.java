package dev.hivemind.engine.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.error.AuthenticationException;
import dev.hivemind.api.wire.CipherSuite;
import dev.hivemind.engine.vectors.VectorFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Project Wycheproof AEAD vectors (Apache-2.0, {@code vectors/wycheproof/LICENSE}) through {@link Aead}: valid cases
 * encrypt to the recorded bytes and decrypt; invalid ones fail through the one generic error.
 */
class WycheproofAeadTest {

    @TestFactory
    Stream<DynamicTest> aesGcm() {
        return cases("wycheproof/aes_gcm_test.json", CipherSuite.AES_GCM);
    }

    @TestFactory
    Stream<DynamicTest> chaCha20Poly1305() {
        return cases("wycheproof/chacha20_poly1305_test.json", CipherSuite.CHACHA20_POLY1305);
    }

    private static Stream<DynamicTest> cases(String file, CipherSuite suite) {
        Map<String, Object> doc = VectorFiles.load(file);
        List<DynamicTest> tests = new ArrayList<>();
        int count = 0;
        for (Map<String, Object> group : VectorFiles.list(doc, "testGroups")) {
            assertEquals(128, group.get("tagSize"), "every group uses 16-byte tags");
            for (Map<String, Object> t : VectorFiles.list(group, "tests")) {
                count++;
                tests.add(DynamicTest.dynamicTest(name(group, t), () -> run(suite, t)));
            }
        }
        assertEquals(doc.get("numberOfTests"), count);
        return tests.stream();
    }

    private static void run(CipherSuite suite, Map<String, Object> t) {
        byte[] key = VectorFiles.hex(t, "key");
        byte[] iv = VectorFiles.hex(t, "iv");
        byte[] aad = VectorFiles.hex(t, "aad");
        byte[] msg = VectorFiles.hex(t, "msg");
        byte[] ctAndTag = AeadVectorTest.concat(VectorFiles.hex(t, "ct"), VectorFiles.hex(t, "tag"));
        String result = (String) t.get("result");
        if (result.equals("valid")) {
            assertArrayEquals(ctAndTag, Aead.seal(suite, key, iv, msg, aad), "encryption");
            assertArrayEquals(msg, Aead.open(suite, key, iv, ctAndTag, aad), "decryption");
        } else {
            assertEquals("invalid", result);
            AuthenticationException e = assertThrows(AuthenticationException.class,
                    () -> Aead.open(suite, key, iv, ctAndTag, aad));
            assertEquals(Aead.FAILURE, e.getMessage());
            assertEquals(AuthenticationException.REASON, e.reason());
            boolean badParameters = iv.length == 0 || (suite == CipherSuite.CHACHA20_POLY1305 && iv.length != 12);
            if (badParameters) {
                assertThrows(IllegalArgumentException.class, () -> Aead.seal(suite, key, iv, msg, aad));
            } else {
                assertTrue(!java.util.Arrays.equals(ctAndTag, Aead.seal(suite, key, iv, msg, aad)),
                        "an invalid ciphertext must differ from the real encryption");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static String name(Map<String, Object> group, Map<String, Object> t) {
        return "tcId " + t.get("tcId") + " " + t.get("result") + " " + ((List<String>) t.get("flags"))
                + " key " + group.get("keySize") + " iv " + group.get("ivSize")
                + (((String) t.get("comment")).isEmpty() ? "" : " (" + t.get("comment") + ")");
    }
}
