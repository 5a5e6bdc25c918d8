package dev.hivemind.engine.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.error.CloseCode;
import dev.hivemind.api.error.PolicyViolationException;
import dev.hivemind.api.wire.CipherSuite;
import dev.hivemind.engine.vectors.VectorFiles;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NonceSequenceTest {

    /** A SecureRandom that returns the bytes 00 01 02 ... in order. */
    private static SecureRandom counting() {
        return new SecureRandom() {
            private int next;

            @Override
            public void nextBytes(byte[] bytes) {
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = (byte) next++;
                }
            }
        };
    }

    @Test
    void chachaNoncesAreTagThenBigEndianCounter() {
        NonceSequence s = new NonceSequence(CipherSuite.CHACHA20_POLY1305, counting(), NonceSequence.DEFAULT_MESSAGE_LIMIT);
        assertEquals("000102030000000000000000", VectorFiles.hex(s.next()));
        assertEquals("000102030000000000000001", VectorFiles.hex(s.next()));
        assertEquals(2, s.issued());
    }

    @Test
    void aesNoncesAppendFourMoreSessionBytes() {
        NonceSequence s = new NonceSequence(CipherSuite.AES_GCM, counting(), NonceSequence.DEFAULT_MESSAGE_LIMIT);
        assertEquals("00010203000000000000000004050607", VectorFiles.hex(s.next()));
        assertEquals("00010203000000000000000104050607", VectorFiles.hex(s.next()));
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void noncesHaveTheSuiteLengthAndNeverRepeat(CipherSuite suite) {
        NonceSequence s = new NonceSequence(suite);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            byte[] n = s.next();
            assertEquals(suite.nonceBytes(), n.length);
            assertTrue(seen.add(VectorFiles.hex(n)));
        }
    }

    @Test
    void sessionsPickDifferentTags() {
        byte[] a = new NonceSequence(CipherSuite.AES_GCM).next();
        byte[] b = new NonceSequence(CipherSuite.AES_GCM).next();
        assertNotEquals(VectorFiles.hex(a), VectorFiles.hex(b));
    }

    @Test
    void refusesAfterTheLimitAndAsksForANewHandshake() {
        NonceSequence s = new NonceSequence(CipherSuite.CHACHA20_POLY1305, new SecureRandom(), 3);
        s.next();
        s.next();
        s.next();
        PolicyViolationException e = assertThrows(PolicyViolationException.class, s::next);
        assertTrue(e.getMessage().contains("a new handshake is required"), e.getMessage());
        assertEquals(CloseCode.POLICY_VIOLATION, e.closeCode());
        assertThrows(PolicyViolationException.class, s::next);
        assertEquals(3, s.issued());
    }

    @Test
    void theDefaultLimitIsTwoToThe32() {
        assertEquals(1L << 32, NonceSequence.DEFAULT_MESSAGE_LIMIT);
        assertThrows(IllegalArgumentException.class,
                () -> new NonceSequence(CipherSuite.AES_GCM, new SecureRandom(), (1L << 32) + 1));
        assertThrows(IllegalArgumentException.class, () -> new NonceSequence(CipherSuite.AES_GCM, new SecureRandom(), 0));
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void recognisesOnlyNoncesItIssued(CipherSuite suite) {
        NonceSequence s = new NonceSequence(suite);
        byte[] first = s.next();
        byte[] second = s.next();
        assertTrue(s.isOwn(first));
        assertTrue(s.isOwn(second));
        byte[] future = second.clone();
        future[11] += 1; // counter + 1: not issued yet
        assertFalse(s.isOwn(future));
        byte[] otherTag = first.clone();
        otherTag[0] ^= 1;
        assertFalse(s.isOwn(otherTag));
        if (suite == CipherSuite.AES_GCM) {
            byte[] otherSuffix = first.clone();
            otherSuffix[15] ^= 1;
            assertFalse(s.isOwn(otherSuffix));
        }
        assertFalse(s.isOwn(Arrays.copyOf(first, first.length - 1)));
        assertFalse(s.isOwn(null));
        assertFalse(new NonceSequence(suite).isOwn(first));
    }
}
