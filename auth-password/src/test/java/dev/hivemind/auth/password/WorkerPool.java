package dev.hivemind.auth.password;

import dev.hivemind.api.error.ServerBusyException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * What the engine gives auth exchanges for CPU-heavy work, built from real executors: a bounded worker pool (one
 * thread, no queue: a second task while one runs is refused with {@link ServerBusyException}) and a single
 * "connection" thread on which every result completes. Counts the tasks it was given.
 */
final class WorkerPool implements AutoCloseable {
    private final ThreadPoolExecutor workers = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new SynchronousQueue<>(), new ThreadPoolExecutor.AbortPolicy());
    private final ExecutorService connectionThread = Executors.newSingleThreadExecutor();
    private final AtomicInteger submitted = new AtomicInteger();
    private volatile CountDownLatch gate;

    <T> CompletionStage<T> compute(Supplier<T> task) {
        submitted.incrementAndGet();
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            CountDownLatch hold = gate;
            workers.execute(() -> {
                try {
                    if (hold != null && !hold.await(30, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the test never opened the gate");
                    }
                    T value = task.get();
                    connectionThread.execute(() -> result.complete(value));
                } catch (RuntimeException e) {
                    connectionThread.execute(() -> result.completeExceptionally(e));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    connectionThread.execute(() -> result.completeExceptionally(e));
                }
            });
        } catch (RejectedExecutionException e) {
            connectionThread.execute(() -> result.completeExceptionally(
                    new ServerBusyException("server busy", "the key derivation pool is full")));
        }
        return result;
    }

    /** Occupies the only worker until the returned latch is counted down. */
    CountDownLatch block() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        workers.execute(() -> {
            running.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        running.await(30, TimeUnit.SECONDS);
        return release;
    }

    /** Tasks given to {@link #compute} from now on wait, on the worker, until the returned latch is counted down. */
    CountDownLatch holdNextTasks() {
        CountDownLatch latch = new CountDownLatch(1);
        gate = latch;
        return latch;
    }

    /** Number of tasks handed to {@link #compute}. */
    int submitted() {
        return submitted.get();
    }

    @Override
    public void close() {
        workers.shutdownNow();
        connectionThread.shutdownNow();
    }
}
