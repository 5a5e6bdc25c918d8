package dev.hivemind.engine.testplugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.error.ConnectionClosedException;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.engine.config.LimitSettings;
import dev.hivemind.engine.session.ClientOptions;
import dev.hivemind.engine.tck.HubHarness;
import dev.hivemind.engine.tck.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SECURITY.md T18: repeated failed handshakes lead to a temporary refusal (HTTP 429 before any session). */
class FailureLimitTest {
    @TempDir
    Path dir;

    @Test
    void repeatedFailuresAreRefusedUntilTheWindowPasses() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        LimitSettings limits = new LimitSettings(1 << 20, 64, 100, 100, 3, Duration.ofMinutes(1));
        try (HubHarness h = HubHarness.builder().methods(List.of(new TokenServerAuthFactory()))
                .clients(List.of(ClientRecord.builder("key").clientId(1).name("sat").credential("token", "right").build())).limits(limits).clock(clock)
                .dataDirectory(dir).build()) {
            ClientCredentials wrong = new ClientCredentials("key", null, null, Map.of("token", "wrong"));
            ClientCredentials right = new ClientCredentials("key", null, null, Map.of("token", "right"));
            for (int i = 0; i < 3; i++) {
                ConnectionClosedException e = assertInstanceOf(ConnectionClosedException.class, assertThrows(
                        Exception.class, () -> h.connect(h.client(List.of(new TokenClientAuthFactory()), wrong,
                                ClientOptions.defaults(), dir, Map.of()))));
                assertEquals(1008, e.peerCode());
            }
            waitForClosed(h);
            ConnectionClosedException refused = assertInstanceOf(ConnectionClosedException.class, assertThrows(
                    Exception.class, () -> h.connect(h.client(List.of(new TokenClientAuthFactory()), right,
                            ClientOptions.defaults(), dir, Map.of()))));
            assertEquals(429, refused.peerCode(), "even the right secret is refused while blocked");

            clock.advance(Duration.ofSeconds(61));
            assertNotNull(h.connect(h.client(List.of(new TokenClientAuthFactory()), right, ClientOptions.defaults(), dir,
                    Map.of())).sessionInfo());
        }
    }

    private static void waitForClosed(HubHarness h) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (h.hub().openSessions() > 0 && System.nanoTime() < end) {
            Thread.sleep(5);
        }
    }
}
