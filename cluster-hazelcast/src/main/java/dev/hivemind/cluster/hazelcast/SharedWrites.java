package dev.hivemind.cluster.hazelcast;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes to the cluster's replicated maps, in order, on one thread of their own: a replicated-map write waits for the
 * member that owns the entry, and routing calls the directory on connection threads that must never wait. A write
 * that fails (the cluster is gone or going) is logged; the node's own view is already up to date.
 */
final class SharedWrites implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SharedWrites.class);

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hivemind-cluster-writes");
        t.setDaemon(true);
        return t;
    });

    /** Runs {@code write} after every write submitted before it. */
    void submit(String what, Runnable write) {
        try {
            thread.execute(() -> {
                try {
                    write.run();
                } catch (RuntimeException e) {
                    LOG.warn("cluster directory: cannot {}: {}", what, e.toString());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("cluster directory closed: not {}", what);
        }
    }

    /** Finishes the writes already submitted (at most 10 s), then stops. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
