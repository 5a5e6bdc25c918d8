package dev.hivemind.embedded;

import static dev.hivemind.embedded.Fixtures.CRYPTO_KEY;
import static dev.hivemind.embedded.Fixtures.KEY;
import static dev.hivemind.embedded.Fixtures.WAIT;
import static dev.hivemind.embedded.Fixtures.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.wire.HiveMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over a hub that stops reading, {@code send()} stages stay pending, {@code writeQueueFull()} turns true and the drain
 * handler fires once the hub reads again; then every message is written and arrives.
 */
class BackpressureTest {
    /** Far more than the socket buffers and the queue hold: reaching it means there was no backpressure. */
    private static final int MAX_SENDS = 5_000;

    @Test
    void sendCompletionAndBackpressureOverASlowReader(@TempDir Path home) throws Exception {
        TestAgent agent = new TestAgent().quiet().holdOnFirstMessage();
        try (EmbeddedHub hub = await(Fixtures.hub(agent, home).eventLoops(1).build().start());
                Satellite satellite = HiveMind.satellite().url(hub.url()).accessKey(KEY).cryptoKey(CRYPTO_KEY)
                        .build()) {
            SatelliteSession session = await(satellite.connect());
            HiveMessage chunk = Fixtures.utterance("x".repeat(8 * 1024)); // a type the hub's policy lets through
            await(session.send(chunk)); // the hub's event loop now holds on this one: it reads nothing more
            Awaitility.await().atMost(WAIT).until(() -> agent.received().size() == 1);

            List<CompletableFuture<Void>> sent = new ArrayList<>();
            while (!session.writeQueueFull() && sent.size() < MAX_SENDS) {
                sent.add(session.send(chunk).toCompletableFuture());
            }
            assertTrue(session.writeQueueFull(), "no backpressure after " + sent.size() + " sends");
            assertFalse(sent.stream().allMatch(CompletableFuture::isDone), "every send completed over a stalled hub");
            CountDownLatch drained = new CountDownLatch(1);
            session.drainHandler(drained::countDown);
            assertTrue(drained.getCount() == 1 || !session.writeQueueFull());

            agent.release();
            assertTrue(drained.await(WAIT.toSeconds(), TimeUnit.SECONDS), "no drain");
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            Awaitility.await().atMost(WAIT).until(() -> agent.received().size() == sent.size() + 1);
            assertTrue(session.isOpen());
        }
    }
}
