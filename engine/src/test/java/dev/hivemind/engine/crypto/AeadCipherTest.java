package dev.hivemind.engine.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hivemind.api.error.AuthenticationException;
import dev.hivemind.api.error.InternalHiveMindException;
import dev.hivemind.api.wire.CipherSuite;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One {@link AeadCipher} per direction reused for many messages gives what a fresh one-shot cipher gives. */
class AeadCipherTest {
    private static final byte[] KEY = new byte[32];

    static {
        new Random(7).nextBytes(KEY);
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void aReusedCipherMatchesOneShotEncryptionForEveryMessage(CipherSuite suite) {
        AeadCipher sealer = AeadCipher.forSealing(suite, KEY);
        AeadCipher opener = AeadCipher.forOpening(suite, KEY);
        Random random = new Random(42);
        for (int i = 0; i < 300; i++) {
            byte[] nonce = nonce(suite, i);
            byte[] plain = new byte[random.nextInt(2000)];
            random.nextBytes(plain);
            byte[] framed = new byte[5 + AeadCipher.sealedLength(plain.length) + 3];
            int n = sealer.seal(nonce, null, plain, 0, plain.length, framed, 5);
            assertEquals(AeadCipher.sealedLength(plain.length), n);
            byte[] oneShot = Aead.seal(suite, KEY, nonce, plain, null);
            assertArrayEquals(oneShot, Arrays.copyOfRange(framed, 5, 5 + n), "message " + i);
            assertArrayEquals(plain, opener.open(nonce, null, framed, 5, n), "message " + i);
        }
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void aFailedTagLeavesTheOpenerUsableEvenForTheSameNonce(CipherSuite suite) {
        byte[] nonce = nonce(suite, 1);
        byte[] sealed = Aead.seal(suite, KEY, nonce, "hello".getBytes(), null);
        byte[] forged = sealed.clone();
        forged[0] ^= 1;
        AeadCipher opener = AeadCipher.forOpening(suite, KEY);
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> opener.open(nonce, null, forged, 0, forged.length));
        assertEquals(Aead.FAILURE, e.getMessage());
        assertArrayEquals("hello".getBytes(), opener.open(nonce, null, sealed, 0, sealed.length));
        assertArrayEquals("hello".getBytes(), opener.open(nonce, null, sealed, 0, sealed.length),
                "opening twice is the replay guard's call, not the cipher's");
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void theJdkRefusesToSealTwiceUnderOneNonce(CipherSuite suite) {
        AeadCipher sealer = AeadCipher.forSealing(suite, KEY);
        byte[] nonce = nonce(suite, 9);
        byte[] out = new byte[AeadCipher.sealedLength(1)];
        sealer.seal(nonce, null, new byte[1], 0, 1, out, 0);
        assertThrows(InternalHiveMindException.class, () -> sealer.seal(nonce, null, new byte[1], 0, 1, out, 0));
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void aDestroyedCipherNeitherSealsNorOpens(CipherSuite suite) {
        AeadCipher sealer = AeadCipher.forSealing(suite, KEY);
        AeadCipher opener = AeadCipher.forOpening(suite, KEY);
        byte[] nonce = nonce(suite, 3);
        byte[] sealed = Aead.seal(suite, KEY, nonce, new byte[4], null);
        sealer.destroy();
        opener.destroy();
        assertThrows(InternalHiveMindException.class,
                () -> sealer.seal(nonce(suite, 4), null, new byte[1], 0, 1, new byte[17], 0));
        assertThrows(AuthenticationException.class, () -> opener.open(nonce, null, sealed, 0, sealed.length));
    }

    private static byte[] nonce(CipherSuite suite, int counter) {
        return ByteBuffer.allocate(suite.nonceBytes()).putInt(0x5eed).putLong(counter).array();
    }
}
