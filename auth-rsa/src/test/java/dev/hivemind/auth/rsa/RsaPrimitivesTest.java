package dev.hivemind.auth.rsa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Both providers implement the same fixed parameters: each one's output is accepted by the other. */
class RsaPrimitivesTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final NodeIdentity KEY = TestKeys.server();

    static Stream<Arguments> pairs() {
        RsaPrimitives jdk = RsaPrimitives.jdk();
        RsaPrimitives bc = RsaPrimitives.bouncyCastle();
        return Stream.of(Arguments.of(jdk, bc), Arguments.of(bc, jdk), Arguments.of(jdk, jdk), Arguments.of(bc, bc));
    }

    @ParameterizedTest(name = "OAEP: {0} encrypts, {1} decrypts")
    @MethodSource("pairs")
    void oaepInteroperates(RsaPrimitives sender, RsaPrimitives receiver) throws Exception {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        byte[] ct = sender.oaepEncrypt(KEY.publicKey().publicKey(), secret, RANDOM);
        assertEquals(256, ct.length);
        assertArrayEquals(secret, receiver.oaepDecrypt(KEY.privateKey(), ct));
    }

    @ParameterizedTest(name = "PSS: {0} signs, {1} verifies")
    @MethodSource("pairs")
    void pssInteroperates(RsaPrimitives signer, RsaPrimitives verifier) throws Exception {
        byte[] msg = new byte[256];
        RANDOM.nextBytes(msg);
        byte[] sig = signer.pssSign(KEY.privateKey(), msg, RANDOM);
        assertTrue(verifier.pssVerify(KEY.publicKey().publicKey(), msg, sig));
        msg[0] ^= 1;
        assertFalse(verifier.pssVerify(KEY.publicKey().publicKey(), msg, sig));
    }

    @ParameterizedTest(name = "lengths are exact with {0}")
    @MethodSource("pairs")
    void lengthsAreExact(RsaPrimitives crypto, RsaPrimitives unused) throws Exception {
        byte[] ct = crypto.oaepEncrypt(KEY.publicKey().publicKey(), new byte[32], RANDOM);
        byte[] padded = new byte[257];
        System.arraycopy(ct, 0, padded, 1, 256); // same value, one leading zero byte
        assertThrows(GeneralSecurityException.class, () -> crypto.oaepDecrypt(KEY.privateKey(), padded));
        byte[] msg = new byte[8];
        byte[] sig = crypto.pssSign(KEY.privateKey(), msg, RANDOM);
        byte[] longSig = new byte[257];
        System.arraycopy(sig, 0, longSig, 1, 256);
        assertFalse(crypto.pssVerify(KEY.publicKey().publicKey(), msg, longSig));
        assertFalse(crypto.pssVerify(KEY.publicKey().publicKey(), msg, Arrays.copyOf(sig, 255)));
        assertFalse(crypto.pssVerify(KEY.publicKey().publicKey(), msg, null));
    }
}
