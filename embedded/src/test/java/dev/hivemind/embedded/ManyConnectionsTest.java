package dev.hivemind.embedded;

import static dev.hivemind.embedded.Fixtures.CRYPTO_KEY;
import static dev.hivemind.embedded.Fixtures.KEY;
import static dev.hivemind.embedded.Fixtures.WAIT;
import static dev.hivemind.embedded.Fixtures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One satellite holds hundreds of sessions with one hub (no 50-connection pool behind it), and a configured limit
 * refuses the next connect with a typed error instead of a wait that never ends.
 */
class ManyConnectionsTest {
    private static final int SESSIONS = 500;
    /** Connects in flight at once: below the hub's 32 handshakes pending per address. */
    private static final int WAVE = 25;

    @Test
    void fiveHundredSessionsFromOneSatelliteAndTheNextIsRefusedWithinTheDeadline(@TempDir Path home) throws Exception {
        TestAgent agent = new TestAgent();
        Duration deadline = Duration.ofSeconds(10);
        try (EmbeddedHub hub = await(Fixtures.hub(agent, home).build().start());
                Satellite satellite = HiveMind.satellite().url(hub.url()).accessKey(KEY).cryptoKey(CRYPTO_KEY)
                        .maxConnections(SESSIONS).connectTimeout(deadline).build()) {
            List<SatelliteSession> sessions = new ArrayList<>();
            while (sessions.size() < SESSIONS) {
                List<CompletableFuture<SatelliteSession>> wave = new ArrayList<>();
                for (int i = 0; i < WAVE; i++) {
                    wave.add(satellite.connect().toCompletableFuture());
                }
                for (CompletableFuture<SatelliteSession> f : wave) {
                    sessions.add(f.get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
                }
            }
            assertEquals(SESSIONS, satellite.openSessions());
            Awaitility.await().atMost(WAIT).until(() -> agent.established().size() == SESSIONS);
            assertEquals(SESSIONS, hub.openSessions());
            assertEquals(SESSIONS, sessions.stream().map(SatelliteSession::sessionId).distinct().count());

            ExecutionException refused = assertThrows(ExecutionException.class, () -> satellite.connect()
                    .toCompletableFuture().get(deadline.toMillis(), TimeUnit.MILLISECONDS));
            ConnectionLimitException limit = assertInstanceOf(ConnectionLimitException.class, refused.getCause());
            assertEquals(SESSIONS, limit.limit());
            assertEquals(SESSIONS, hub.openSessions(), "the refused connect sent nothing");

            SatelliteSession first = sessions.get(0);
            first.close();
            await(first.closed());
            await(satellite.connect());
            assertEquals(SESSIONS, satellite.openSessions());
        }
    }
}
