package dev.hivemind.dist.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.registry.ClientRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two stores on one file, as the CLI and a running hub are. */
class ConcurrentStoresTest {
    @TempDir
    Path dir;

    @Test
    void eachStoreSeesWhatTheOtherCommitted() {
        Path file = dir.resolve("clients.db");
        try (ClientStore cli = ClientStore.open(file); ClientStore hub = ClientStore.open(file)) {
            ClientRecord added = cli.add(ClientRecord.builder("key-1").password("pw").build());
            assertEquals(added, hub.findByAccessKey("key-1").orElseThrow());

            hub.touch(added.clientId(), 1750000000);
            assertEquals(1750000000, cli.get(added.clientId()).orElseThrow().lastSeen());

            cli.update(added.clientId(), c -> c.toBuilder().admin(true).build());
            assertTrue(hub.findByAccessKey("key-1").orElseThrow().admin());

            ClientRecord second = hub.add(ClientRecord.builder("key-2").build());
            assertEquals(2, second.clientId());

            cli.revoke(added.clientId());
            assertTrue(hub.findByAccessKey("key-1").isEmpty(), "a revocation by the CLI reaches the hub at once");
            assertEquals(3, hub.add(ClientRecord.builder("key-3").build()).clientId());
        }
    }

    @Test
    void simultaneousWritersGetDistinctIdsAndLoseNothing() throws Exception {
        Path file = dir.resolve("clients.db");
        int writers = 2;
        int perWriter = 15;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                results.add(pool.submit(() -> {
                    List<Integer> ids = new ArrayList<>();
                    try (ClientStore store = ClientStore.open(file)) {
                        start.await();
                        for (int i = 0; i < perWriter; i++) {
                            ids.add(store.add(ClientRecord.builder("w" + writer + "-" + i).build()).clientId());
                            store.touch(ids.get(ids.size() - 1), i);
                        }
                    }
                    return ids;
                }));
            }
            start.countDown();
            HashSet<Integer> all = new HashSet<>();
            for (Future<List<Integer>> result : results) {
                all.addAll(result.get(60, TimeUnit.SECONDS));
            }
            assertEquals(writers * perWriter, all.size(), "no id was given twice");
            try (ClientStore store = ClientStore.open(file)) {
                assertEquals(writers * perWriter, store.list().size());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
