package dev.hivemind.api.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.registry.ClientRegistry.Enrollment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The part of the registry contract about several stores on one database at once, as the CLI and a running hub, or
 * several hub nodes, use it: each sees what the others committed, ids are never given twice, and a first-use
 * enrolment stores exactly one key however many stores race.
 */
public abstract class ConcurrentClientStoreContract {
    /** Opens another store on this test's database (empty at the first call of each test). */
    protected abstract ClientStore openStore();

    @Test
    void eachStoreSeesWhatTheOtherCommitted() {
        try (ClientStore cli = openStore(); ClientStore hub = openStore()) {
            ClientRecord added = cli.add(ClientRecord.builder("key-1").password("pw").build());
            assertEquals(added, hub.findByAccessKey("key-1").orElseThrow());

            hub.touchAll(Map.of(added.clientId(), 1750000000.0));
            assertEquals(1750000000, cli.get(added.clientId()).orElseThrow().lastSeen());

            cli.update(added.clientId(), c -> c.toBuilder().admin(true).build());
            assertTrue(hub.findByAccessKey("key-1").orElseThrow().admin());

            ClientRecord second = hub.add(ClientRecord.builder("key-2").build());
            assertEquals(2, second.clientId());

            cli.revoke(added.clientId());
            assertTrue(hub.findByAccessKey("key-1").isEmpty(), "a revocation reaches the other store at once");
            assertEquals(3, hub.add(ClientRecord.builder("key-3").build()).clientId());
        }
    }

    @Test
    void simultaneousWritersGetDistinctIdsAndLoseNothing() throws Exception {
        int writers = 2;
        int perWriter = 15;
        List<Callable<List<Integer>>> work = new ArrayList<>();
        CountDownLatch ready = new CountDownLatch(writers);
        for (int w = 0; w < writers; w++) {
            int writer = w;
            work.add(() -> {
                List<Integer> ids = new ArrayList<>();
                try (ClientStore store = openStore()) {
                    ready.countDown();
                    ready.await();
                    for (int i = 0; i < perWriter; i++) {
                        ids.add(store.add(ClientRecord.builder("w" + writer + "-" + i).build()).clientId());
                        Map<Integer, Double> seen = new HashMap<>();
                        seen.put(ids.get(0), (double) i);
                        seen.put(ids.get(ids.size() - 1), (double) i);
                        store.touchAll(seen); // overlapping batches from both writers

                    }
                }
                return ids;
            });
        }
        HashSet<Integer> all = new HashSet<>();
        for (List<Integer> ids : runAll(work)) {
            all.addAll(ids);
        }
        assertEquals(writers * perWriter, all.size(), "no id was given twice");
        try (ClientStore store = openStore()) {
            assertEquals(writers * perWriter, store.list().size());
        }
    }

    @Test
    void racingFirstUseEnrolmentsStoreExactlyOneKey() throws Exception {
        int id;
        try (ClientStore setup = openStore()) {
            id = setup.add(ClientRecord.builder("key").build()).clientId();
        }
        int racers = 4;
        List<Callable<Enrollment>> work = new ArrayList<>();
        CountDownLatch ready = new CountDownLatch(racers);
        for (int r = 0; r < racers; r++) {
            String key = "PEM-" + r;
            work.add(() -> {
                try (ClientStore store = openStore()) {
                    store.get(id); // connected and warm before the race starts
                    ready.countDown();
                    ready.await();
                    return store.enroll(id, ClientRecord.RSA, key);
                }
            });
        }
        List<Enrollment> outcomes = runAll(work);
        Map<Enrollment, Integer> counts = new HashMap<>();
        outcomes.forEach(o -> counts.merge(o, 1, Integer::sum));
        assertEquals(Map.of(Enrollment.STORED, 1, Enrollment.REFUSED, racers - 1), counts);
        String winner = "PEM-" + outcomes.indexOf(Enrollment.STORED);
        try (ClientStore store = openStore()) {
            assertEquals(winner, store.get(id).orElseThrow().credential(ClientRecord.RSA).orElseThrow());
        }
    }

    private static <T> List<T> runAll(List<Callable<T>> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(work.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> c : work) {
                futures.add(pool.submit(c));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get(60, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
