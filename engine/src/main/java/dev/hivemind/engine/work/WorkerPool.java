package dev.hivemind.engine.work;

import dev.hivemind.api.error.ServerBusyException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The bounded pool for CPU-heavy handshake steps (PBKDF2, RSA). It never queues without bound: when all threads are
 * busy and the queue is full, {@link #compute} fails at once with {@link ServerBusyException} (close 1013).
 * Results hop back to the caller's executor (the connection's thread).
 */
public final class WorkerPool implements AutoCloseable {
    private final ThreadPoolExecutor executor;
    private final AtomicLong rejected = new AtomicLong();

    public WorkerPool(String name, int threads, int queueCapacity) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        BlockingQueue<Runnable> queue = queueCapacity == 0 ? new SynchronousQueue<>()
                : new ArrayBlockingQueue<>(queueCapacity);
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, queue, r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
        this.executor.allowCoreThreadTimeOut(true);
    }

    /** An unbounded-queue pool for blocking I/O such as registry lookups (bounded by the admission limits). */
    public static WorkerPool forBlockingIo(String name, int threads) {
        return new WorkerPool(name, threads, threads, new LinkedBlockingQueue<>(10_000));
    }

    private WorkerPool(String name, int core, int max, BlockingQueue<Runnable> queue) {
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(core, max, 30, TimeUnit.SECONDS, queue, r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
        this.executor.allowCoreThreadTimeOut(true);
    }

    /**
     * Runs {@code task} on the pool; the returned stage completes on {@code resultExecutor}. A full pool completes it
     * exceptionally with {@link ServerBusyException}.
     */
    public <T> CompletionStage<T> compute(Supplier<T> task, Executor resultExecutor) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                T value;
                try {
                    value = task.get();
                } catch (Throwable t) {
                    resultExecutor.execute(() -> result.completeExceptionally(t));
                    return;
                }
                resultExecutor.execute(() -> result.complete(value));
            });
        } catch (RejectedExecutionException e) {
            rejected.incrementAndGet();
            result.completeExceptionally(new ServerBusyException("server busy",
                    "worker pool full (" + executor.getMaximumPoolSize() + " threads, queue "
                            + executor.getQueue().size() + ")"));
        }
        return result;
    }

    /** Tasks refused because the pool was full. */
    public long rejectedCount() {
        return rejected.get();
    }

    /** Tasks waiting for a thread. */
    public int queued() {
        return executor.getQueue().size();
    }

    /** Tasks running or waiting. */
    public int inFlight() {
        return executor.getActiveCount() + executor.getQueue().size();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
