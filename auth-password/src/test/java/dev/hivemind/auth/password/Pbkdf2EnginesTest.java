package dev.hivemind.auth.password;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Our PBKDF2-HMAC-SHA256 against the JDK's {@code PBKDF2WithHmacSHA256} on random inputs (ASCII, non-ASCII and
 * surrogate-pair passwords, passwords longer than the 64-byte HMAC block, salts, counts, multi-block key lengths),
 * through both iteration engines. The build runs the tests with the {@code --add-opens} that {@code bin/hivemind}
 * passes, so the fast engine is the one in use.
 */
class Pbkdf2EnginesTest {

    static List<IterationEngine> engines() {
        Sha256CompressionEngine fast = Sha256CompressionEngine.createOrNull();
        assertNotNull(fast, "the tests run with --add-opens java.base/sun.security.provider=ALL-UNNAMED");
        return List.of(fast, new ClonedDigestEngine());
    }

    @Test
    void theCompressionEngineIsTheOneInUse() {
        assertEquals("sha256-compression", Pbkdf2HmacSha256.engineName());
    }

    @Test
    void bothEnginesMatchTheJdkOnRandomInputs() throws Exception {
        Random random = new Random(20261202);
        String alphabet = "abcXYZ019 !~éß€漢字\uD83D\uDE00";
        for (int c = 0; c < 200; c++) {
            StringBuilder pw = new StringBuilder();
            int length = 1 + random.nextInt(c % 10 == 0 ? 120 : 20);
            while (pw.length() < length) {
                int i = random.nextInt(alphabet.length() - 1);
                pw.append(Character.isHighSurrogate(alphabet.charAt(i)) ? alphabet.substring(i, i + 2)
                        : String.valueOf(alphabet.charAt(i)).replace("\uDE00", "d"));
            }
            char[] chars = pw.toString().toCharArray();
            byte[] salt = new byte[1 + random.nextInt(40)]; // the JDK refuses an empty salt
            random.nextBytes(salt);
            int iterations = 1 + random.nextInt(60);
            int keyBytes = 1 + random.nextInt(100);
            byte[] expected = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(chars, salt, iterations, keyBytes * 8)).getEncoded();
            for (IterationEngine engine : engines()) {
                assertArrayEquals(expected, Pbkdf2HmacSha256.derive(engine, chars, salt, iterations, keyBytes),
                        engine.name() + " case " + c);
            }
        }
    }

    @Test
    void theHandshakeParametersMatchTheJdk() throws Exception {
        char[] password = "correct horse battery staple".toCharArray();
        byte[] salt = java.util.HexFormat.of().parseHex("0011223344556677");
        byte[] expected = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password, salt, PasswordKdf.ITERATIONS, 256)).getEncoded();
        assertArrayEquals(expected, PasswordKdf.derive(password, salt));
        for (IterationEngine engine : engines()) {
            assertArrayEquals(expected, Pbkdf2HmacSha256.derive(engine, password, salt, PasswordKdf.ITERATIONS, 32));
        }
    }

    @Test
    void nonPositiveParametersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Pbkdf2HmacSha256.derive("p".toCharArray(), new byte[1], 0, 32));
        assertThrows(IllegalArgumentException.class, () -> Pbkdf2HmacSha256.derive("p".toCharArray(), new byte[1], 1, 0));
    }
}
