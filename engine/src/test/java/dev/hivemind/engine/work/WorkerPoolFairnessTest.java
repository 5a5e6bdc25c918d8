package dev.hivemind.engine.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.error.ServerBusyException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The worker pool's queue is fair across sources: a flood from one address cannot fill it or starve another. */
class WorkerPoolFairnessTest {
    @Test
    void aFloodingSourceCannotFillTheQueueOrDelayAnotherSource() throws Exception {
        try (WorkerPool pool = new WorkerPool("fair", 1, 4)) {
            CountDownLatch gate = new CountDownLatch(1);
            List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
            CompletableFuture<Object> blocker = pool.compute("flood", () -> {
                await(gate);
                return null;
            }, Runnable::run).toCompletableFuture();
            List<CompletableFuture<String>> flood = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String name = "flood-" + i;
                flood.add(pool.compute("flood", () -> {
                    order.add(name);
                    return name;
                }, Runnable::run).toCompletableFuture());
            }
            CompletableFuture<String> honest = pool.compute("honest", () -> {
                order.add("honest");
                return "honest";
            }, Runnable::run).toCompletableFuture();
            gate.countDown();
            blocker.get(10, TimeUnit.SECONDS);
            assertEquals("honest", honest.get(10, TimeUnit.SECONDS), "the other source's task was queued and ran");
            int refused = 0;
            for (CompletableFuture<String> f : flood) {
                try {
                    f.get(10, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    assertInstanceOf(ServerBusyException.class, e.getCause());
                    refused++;
                }
            }
            assertEquals(7, refused, "the flood holds at most its share of the 4 queue places (3, after the newcomer)");
            assertTrue(order.indexOf("honest") <= 1, "served in turn, not after the flood: " + order);
            assertEquals(7, pool.rejectedCount());
        }
    }

    @Test
    void aZeroQueueHandsOffOnlyToAFreeWorker() throws Exception {
        try (WorkerPool pool = new WorkerPool("handoff", 1, 0)) {
            CountDownLatch gate = new CountDownLatch(1);
            CompletableFuture<String> first = pool.compute("a", () -> {
                await(gate);
                return "first";
            }, Runnable::run).toCompletableFuture();
            CompletableFuture<String> second = pool.compute("b", () -> "second", Runnable::run).toCompletableFuture();
            ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> second.get(10, TimeUnit.SECONDS));
            assertInstanceOf(ServerBusyException.class, e.getCause());
            gate.countDown();
            assertEquals("first", first.get(10, TimeUnit.SECONDS));
            // the worker takes the next hand-off once it is back at the queue, a moment after "first" completed
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            String again = null;
            while (again == null) {
                try {
                    again = pool.compute("b", () -> "again", Runnable::run).toCompletableFuture()
                            .get(10, TimeUnit.SECONDS);
                } catch (ExecutionException busy) {
                    assertInstanceOf(ServerBusyException.class, busy.getCause());
                    if (System.nanoTime() > end) {
                        throw busy;
                    }
                    Thread.sleep(1);
                }
            }
            assertEquals("again", again);
        }
    }

    private static void await(CountDownLatch gate) {
        try {
            gate.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
