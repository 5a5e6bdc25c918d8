package dev.hivemind.engine.work;

import dev.hivemind.api.error.ServerBusyException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The bounded pool for CPU-heavy handshake steps (PBKDF2, RSA). It never queues without bound: when every thread is
 * busy and the queue is full, {@link #compute} fails at once with {@link ServerBusyException} (close 1013). The queue
 * is fair across sources (see {@link FairTaskQueue}): a flood from one address cannot fill it or delay another
 * address's handshake. Results hop back to the caller's executor (the connection's thread).
 */
public final class WorkerPool implements AutoCloseable {
    private final int threads;
    private final FairTaskQueue queue;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicLong rejected = new AtomicLong();

    /**
     * @param threads       worker threads
     * @param queueCapacity tasks that may wait for a thread
     */
    public WorkerPool(String name, int threads, int queueCapacity) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        if (queueCapacity < 0) {
            throw new IllegalArgumentException("queueCapacity must not be negative");
        }
        this.threads = threads;
        this.queue = new FairTaskQueue(queueCapacity, threads);
        for (int i = 1; i <= threads; i++) {
            Thread thread = new Thread(this::work, name + "-" + i);
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** A pool for blocking I/O such as registry lookups: a deep queue (bounded by the admission limits upstream). */
    public static WorkerPool forBlockingIo(String name, int threads) {
        return new WorkerPool(name, threads, 10_000);
    }

    /** As {@link #compute(String, Supplier, Executor)} with one shared source. */
    public <T> CompletionStage<T> compute(Supplier<T> task, Executor resultExecutor) {
        return compute("", task, resultExecutor);
    }

    /**
     * Runs {@code task} on the pool, queued under {@code source} (a remote address); the returned stage completes on
     * {@code resultExecutor}. A full pool, or a task displaced by another source's, completes it exceptionally with
     * {@link ServerBusyException}.
     */
    public <T> CompletionStage<T> compute(String source, Supplier<T> task, Executor resultExecutor) {
        CompletableFuture<T> result = new CompletableFuture<>();
        FairTaskQueue.Task t = new FairTaskQueue.Task() {
            @Override
            public void run() {
                T value;
                try {
                    value = task.get();
                } catch (Throwable e) {
                    resultExecutor.execute(() -> result.completeExceptionally(e));
                    return;
                }
                resultExecutor.execute(() -> result.complete(value));
            }

            @Override
            public void refuse(String detail) {
                rejected.incrementAndGet();
                ServerBusyException busy = new ServerBusyException("server busy", detail);
                resultExecutor.execute(() -> result.completeExceptionally(busy));
            }
        };
        FairTaskQueue.Task refused = queue.offer(source == null ? "" : source, t);
        if (refused != null) {
            refused.refuse("worker pool full (" + threads + " threads, " + queue.queued() + " queued)");
        }
        return result;
    }

    /** Tasks refused because the pool was full. */
    public long rejectedCount() {
        return rejected.get();
    }

    /** Tasks waiting for a thread. */
    public int queued() {
        return queue.queued();
    }

    /** Tasks running or waiting. */
    public int inFlight() {
        return running.get() + queue.queued();
    }

    @Override
    public void close() {
        for (FairTaskQueue.Task t : queue.close()) {
            t.refuse("worker pool closed");
        }
    }

    private void work() {
        try {
            FairTaskQueue.Task t;
            while ((t = queue.take()) != null) {
                running.incrementAndGet();
                try {
                    t.run();
                } catch (RuntimeException e) {
                    // the task reports its own failures to its caller; nothing may kill the worker
                } finally {
                    running.decrementAndGet();
                    queue.finished();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
