package dev.hivemind.engine.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hivemind.api.error.AuthenticationException;
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
        a[0] = 9; // the guard keeps its own copy
        assertThrows(AuthenticationException.class, () -> g.check(n(7)));
    }

    @Test
    void forgetsTheOldestWhenFull() {
        ReplayGuard g = new ReplayGuard(3);
        g.check(n(1));
        g.check(n(2));
        g.check(n(3));
        assertThrows(AuthenticationException.class, () -> g.check(n(1)));
        g.check(n(4)); // evicts 1
        assertEquals(3, g.size());
        g.check(n(1)); // accepted again: outside the window; evicts 2
        assertThrows(AuthenticationException.class, () -> g.check(n(3)));
        assertThrows(AuthenticationException.class, () -> g.check(n(4)));
        g.check(n(2));
        assertEquals(3, g.size());
    }

    @Test
    void staysBounded() {
        ReplayGuard g = new ReplayGuard(1000);
        for (int i = 0; i < 10_000; i++) {
            g.check(new byte[] {(byte) (i >> 8), (byte) i, 1});
        }
        assertEquals(1000, g.size());
        assertEquals(65_536, new ReplayGuard().capacity());
        assertThrows(IllegalArgumentException.class, () -> new ReplayGuard(0));
    }
}
