package dev.hivemind.engine.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.engine.config.LimitSettings;
import dev.hivemind.engine.config.SourceLimits;
import dev.hivemind.engine.tck.MutableClock;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The per-source limits the hub keeps: failures, key-derivation budgets, handshaking places, address keys. */
class SourceLimitsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final LimitSettings limits = new LimitSettings(1 << 20, 64, 100, 100, 3, Duration.ofMinutes(1),
            new SourceLimits(5, 2, 3, Duration.ofMinutes(1), 2));

    @Test
    void failuresAtOneAddressNeverBlockTheSameKeyElsewhere() {
        FailureLimiter f = new FailureLimiter(limits, clock);
        String attacker = Sources.address(new InetSocketAddress("127.0.0.2", 1));
        String satellite = Sources.address(new InetSocketAddress("127.0.0.1", 1));
        for (int i = 0; i < 3; i++) {
            f.recordAuthFailure(Sources.client("key", attacker), attacker);
        }
        assertTrue(f.blocked(Sources.client("key", attacker), attacker));
        assertFalse(f.blocked(Sources.client("key", satellite), satellite));
        assertFalse(f.blocked(Sources.client("other", attacker), attacker), "the address itself has room left");
        clock.advance(Duration.ofSeconds(20));
        assertFalse(f.blocked(Sources.client("key", attacker), attacker), "counts drain over the window");
    }

    @Test
    void unknownKeysFillTheAddressCount() {
        FailureLimiter f = new FailureLimiter(limits, clock);
        String a = Sources.address(new InetSocketAddress("127.0.0.4", 1));
        for (int i = 0; i < 5; i++) {
            f.recordUnknownKey(a);
        }
        assertTrue(f.blocked(Sources.client("valid", a), a));
        assertTrue(f.blocked(a));
    }

    @Test
    void aSuccessClearsOnlyItsOwnCount() {
        FailureLimiter f = new FailureLimiter(limits, clock);
        String a = Sources.address(new InetSocketAddress("127.0.0.5", 1));
        f.recordAuthFailure(Sources.client("key", a), a);
        f.recordAuthFailure(Sources.client("key", a), a);
        f.recordSuccess(Sources.client("key", a));
        f.recordAuthFailure(Sources.client("key", a), a);
        assertFalse(f.blocked(Sources.client("key", a), a));
    }

    @Test
    void theKdfBudgetIsAllOrNoneAndRefills() {
        KdfBudget b = new KdfBudget(limits, clock);
        String a = "ip:127.0.0.2";
        assertTrue(b.tryCharge("c1@" + a, a));
        assertTrue(b.tryCharge("c1@" + a, a));
        assertFalse(b.tryCharge("c1@" + a, a), "2 per client");
        assertTrue(b.tryCharge("c2@" + a, a));
        assertFalse(b.tryCharge("c3@" + a, a), "3 per address");
        assertTrue(b.tryCharge("c1@ip:127.0.0.1", "ip:127.0.0.1"), "another address has its own budget");
        clock.advance(Duration.ofSeconds(30));
        assertTrue(b.tryCharge("c3@" + a, a), "refilled over the window");
    }

    @Test
    void handshakeSlotsCapAnAddressAndEvictTheOldest() {
        HandshakeSlots<String> slots = new HandshakeSlots<>(3, 2);
        assertEquals(Optional.empty(), slots.take("s1", "a"));
        assertEquals(Optional.empty(), slots.take("s2", "a"));
        assertTrue(slots.addressFull("a"));
        assertEquals(Optional.empty(), slots.take("s3", "b"));
        assertEquals(Optional.of("s1"), slots.take("s4", "c"), "the oldest makes room");
        assertFalse(slots.addressFull("a"));
        slots.release("s2");
        slots.release("s2");
        assertEquals(2, slots.size());
    }

    @Test
    void ipv6AddressesCountByTheirSlash64AndMappedIpv4AsIpv4() throws Exception {
        String a = Sources.address(new InetSocketAddress("2001:db8:1:2::1", 1));
        String b = Sources.address(new InetSocketAddress("2001:db8:1:2:ffff::9", 1));
        String c = Sources.address(new InetSocketAddress("2001:db8:1:3::1", 1));
        assertEquals(a, b);
        assertNotEquals(a, c);
        assertEquals("ip:10.0.0.1", Sources.address(new InetSocketAddress(
                java.net.InetAddress.getByAddress(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, 10, 0, 0, 1}), 1)));
        assertFalse(Sources.client("secret-access-key", a).contains("secret"), "no credential in the tables");
    }

    @Test
    void bucketTablesStayBounded() {
        RateBuckets r = new RateBuckets(1, Duration.ofMinutes(1), 100, clock);
        for (int i = 0; i < 10_000; i++) {
            r.add("k" + i);
        }
        assertEquals(100, r.size());
    }
}
