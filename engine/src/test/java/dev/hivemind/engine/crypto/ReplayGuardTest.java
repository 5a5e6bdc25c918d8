package dev.hivemind.engine.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hivemind.api.error.AuthenticationException;
import dev.hivemind.api.wire.CipherSuite;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayGuardTest {
    private static byte[] n(int i) {
        return new byte[] {0, 0, 0, (byte) i};
    }

    @Test
    void aRepeatedNonceIsAnAuthenticationFailure() {
        ReplayGuard g = new ReplayGuard();
        g.check(n(1));
        g.check(n(2));
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> g.check(n(1)));
        assertEquals("replayed nonce", e.getMessage());
        assertEquals(AuthenticationException.REASON, e.reason());
    }

    @Test
    void comparesContentNotIdentity() {
        ReplayGuard g = new ReplayGuard();
        byte[] a = n(7);
        g.check(a);
        a[0] = 9;
        assertThrows(AuthenticationException.class, () -> g.check(n(7)));
    }

    @Test
    void randomNoncesForgetTheOldestWhenFull() {
        ReplayGuard g = new ReplayGuard(3);
        g.check(n(1));
        g.check(n(2));
        g.check(n(3));
        assertThrows(AuthenticationException.class, () -> g.check(n(1)));
        g.check(n(4)); // evicts 1
        assertEquals(3, g.size());
        g.check(n(1)); // accepted again: outside the ring; evicts 2
        assertThrows(AuthenticationException.class, () -> g.check(n(3)));
        assertThrows(AuthenticationException.class, () -> g.check(n(4)));
        g.check(n(2));
        assertEquals(3, g.size());
    }

    @Test
    void randomSixteenByteNoncesStayBoundedAndEveryRecentOneIsCaught() {
        SecureRandom random = new SecureRandom();
        ReplayGuard g = new ReplayGuard(1000);
        List<byte[]> recent = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            byte[] nonce = new byte[16];
            random.nextBytes(nonce);
            g.check(nonce);
            recent.add(nonce);
        }
        assertEquals(1000, g.size());
        for (byte[] nonce : recent.subList(recent.size() - 1000, recent.size())) {
            assertThrows(AuthenticationException.class, () -> g.check(nonce));
        }
        assertEquals(ReplayGuard.DEFAULT_CAPACITY, new ReplayGuard().capacity());
        assertThrows(IllegalArgumentException.class, () -> new ReplayGuard(0));
        assertThrows(IllegalArgumentException.class, () -> new ReplayGuard(ReplayGuard.MAX_FINGERPRINTS + 1));
    }

    @Test
    void counterNoncesUseTheWindowAndNoFingerprints() {
        for (CipherSuite suite : CipherSuite.values()) {
            NonceSequence peer = new NonceSequence(suite);
            ReplayGuard g = new ReplayGuard(16);
            List<byte[]> sent = new ArrayList<>();
            for (int i = 0; i < 100_000; i++) {
                byte[] nonce = peer.next();
                sent.add(nonce);
                g.check(nonce);
            }
            assertEquals(0, g.size(), "counter nonces need no fingerprints");
            for (int back : new int[] {1, 2, 63, 64, 65, ReplayGuard.WINDOW_BITS, 50_000, 99_999}) {
                byte[] old = sent.get(sent.size() - back);
                assertThrows(AuthenticationException.class, () -> g.check(old), "counter " + back + " back");
            }
        }
    }

    @Test
    void reorderedCountersInsideTheWindowAreAcceptedOnce() {
        NonceSequence peer = new NonceSequence(CipherSuite.CHACHA20_POLY1305);
        List<byte[]> sent = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            sent.add(peer.next());
        }
        ReplayGuard g = new ReplayGuard(4);
        g.check(sent.get(0));
        g.check(sent.get(200)); // a jump ahead
        g.check(sent.get(150)); // late, still inside the window
        assertThrows(AuthenticationException.class, () -> g.check(sent.get(150)));
        assertThrows(AuthenticationException.class, () -> g.check(sent.get(0)), "older than the window");
        g.check(sent.get(201));
        assertEquals(0, g.size());
    }

    @Test
    void anotherSessionsCounterNonceIsFingerprinted() {
        ReplayGuard g = new ReplayGuard(8);
        g.check(new NonceSequence(CipherSuite.AES_GCM).next());
        byte[] foreign = new NonceSequence(CipherSuite.AES_GCM).next();
        g.check(foreign);
        assertEquals(1, g.size());
        assertThrows(AuthenticationException.class, () -> g.check(foreign));
    }
}
