package dev.hivemind.engine.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.registry.ClientRegistry;
import dev.hivemind.engine.tck.ManualScheduler;
import dev.hivemind.engine.work.WorkerPool;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Connection times reach the registry batched: one call per interval with the latest time of each client. */
class LastSeenRecorderTest {
    private final WorkerPool io = WorkerPool.forBlockingIo("test-io", 1);
    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<Map<Integer, Double>> batches = new CopyOnWriteArrayList<>();
    private final ClientRegistry registry = new ClientRegistry() {
        @Override
        public Optional<ClientRecord> findByAccessKey(String accessKey) {
            return Optional.empty();
        }

        @Override
        public void touchAll(Map<Integer, Double> lastSeen) {
            batches.add(Map.copyOf(lastSeen));
        }
    };
    private final LastSeenRecorder recorder = new LastSeenRecorder(registry, io, scheduler);

    @AfterEach
    void close() {
        io.close();
    }

    @Test
    void manyHandshakesBecomeOneWriteWithEachClientsLatestTime() throws Exception {
        for (int i = 0; i < 1000; i++) {
            recorder.record(i % 3, 1000.0 + i);
        }
        assertTrue(batches.isEmpty(), "nothing is written on the admission path");
        assertEquals(1, scheduler.pending(), "one flush is scheduled, not one per handshake");
        scheduler.advance(LastSeenRecorder.INTERVAL);
        awaitBatches(1);
        assertEquals(Map.of(0, 1999.0, 1, 1997.0, 2, 1998.0), batches.get(0));
    }

    @Test
    void laterConnectionsGetTheirOwnBatchAndFlushWritesWhatIsPending() throws Exception {
        recorder.record(7, 1.0);
        scheduler.advance(LastSeenRecorder.INTERVAL);
        awaitBatches(1);
        recorder.record(7, 2.0);
        recorder.record(8, 3.0);
        recorder.flush();
        assertEquals(Map.of(7, 2.0, 8, 3.0), batches.get(1));
        scheduler.advance(LastSeenRecorder.INTERVAL);
        Thread.sleep(50);
        assertEquals(2, batches.size(), "nothing left to write");
    }

    @Test
    void aFailingRegistryIsLoggedNotThrown() {
        LastSeenRecorder failing = new LastSeenRecorder(new ClientRegistry() {
            @Override
            public Optional<ClientRecord> findByAccessKey(String accessKey) {
                return Optional.empty();
            }

            @Override
            public void touchAll(Map<Integer, Double> lastSeen) {
                throw new IllegalStateException("database is locked");
            }
        }, io, scheduler);
        failing.record(1, 1.0);
        failing.flush();
    }

    private void awaitBatches(int n) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (batches.size() < n && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertEquals(n, batches.size());
    }
}
