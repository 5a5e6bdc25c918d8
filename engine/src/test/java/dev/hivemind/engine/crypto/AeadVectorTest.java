package dev.hivemind.engine.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hivemind.api.auth.SessionKey;
import dev.hivemind.api.wire.CipherSuite;
import dev.hivemind.engine.vectors.VectorFiles;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** aead.json: {@code encrypt_bin} output for AES-256/128-GCM (16-byte nonce), the legacy key and ChaCha20-Poly1305. */
class AeadVectorTest {
    private static final Map<String, Object> V = VectorFiles.load("hivemind/aead.json");
    private static final byte[] PLAINTEXT = VectorFiles.str(V, "plaintext_utf8").getBytes(StandardCharsets.UTF_8);

    @TestFactory
    Stream<DynamicTest> everyCase() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map<String, Object> c : VectorFiles.list(V, "cases")) {
            String name = (String) c.get("name");
            CipherSuite suite = CipherSuite.fromWire((String) c.get("cipher")).orElseThrow();
            byte[] key = VectorFiles.hex(c, "key_hex");
            byte[] nonce = VectorFiles.hex(c, "nonce_hex");
            byte[] aad = VectorFiles.hex(c, "aad_hex");
            byte[] ctAndTag = concat(VectorFiles.hex(c, "ciphertext_hex"), VectorFiles.hex(c, "tag_hex"));
            byte[] frame = VectorFiles.hex(c, "encrypt_bin_output_hex");
            tests.add(DynamicTest.dynamicTest(name + ": Aead.seal gives ciphertext || tag",
                    () -> assertArrayEquals(ctAndTag, Aead.seal(suite, key, nonce, PLAINTEXT, aad))));
            tests.add(DynamicTest.dynamicTest(name + ": Aead.open gives the plaintext",
                    () -> assertArrayEquals(PLAINTEXT, Aead.open(suite, key, nonce, ctAndTag, aad))));
            tests.add(DynamicTest.dynamicTest(name + ": sealBinary gives the encrypt_bin frame", () -> {
                try (SessionCrypto s = new SessionCrypto(SessionKey.copyOf(key), suite, new FixedNonceSource(nonce), null)) {
                    assertEquals(VectorFiles.hex(frame), VectorFiles.hex(s.sealBinary(PLAINTEXT)));
                }
            }));
            tests.add(DynamicTest.dynamicTest(name + ": openBinary reads the encrypt_bin frame", () -> {
                try (SessionCrypto s = new SessionCrypto(SessionKey.copyOf(key), suite, new NonceSequence(suite),
                        new ReplayGuard())) {
                    assertArrayEquals(PLAINTEXT, s.openBinary(frame));
                }
            }));
            if (c.get("key_as_given") != null) {
                tests.add(DynamicTest.dynamicTest(name + ": the key is the UTF-8 bytes of the configured string",
                        () -> assertArrayEquals(key, ((String) c.get("key_as_given")).getBytes(StandardCharsets.UTF_8))));
            }
        }
        return tests.stream();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
