package dev.hivemind.engine.hub;

import dev.hivemind.api.registry.ClientRegistry;
import dev.hivemind.engine.time.Scheduler;
import dev.hivemind.engine.work.WorkerPool;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records when clients connected without touching the client registry on the admission path: a session's
 * {@link #record} only notes the time (the latest per client wins); at most once per {@link #INTERVAL}, one task on
 * the blocking-I/O pool hands every noted time to {@link ClientRegistry#touchAll} (one database transaction for all
 * of them, however many handshakes there were). {@link #flush()} writes what is pending (the hub calls it when it
 * stops). Thread-safe.
 */
final class LastSeenRecorder {
    /** How long connection times wait to be written together. */
    static final Duration INTERVAL = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(LastSeenRecorder.class);

    private final ClientRegistry registry;
    private final WorkerPool io;
    private final Scheduler scheduler;
    private final Map<Integer, Double> pending = new ConcurrentHashMap<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    LastSeenRecorder(ClientRegistry registry, WorkerPool io, Scheduler scheduler) {
        this.registry = registry;
        this.io = io;
        this.scheduler = scheduler;
    }

    /** Notes that {@code clientId} connected at {@code epochSeconds}; written within {@link #INTERVAL}. */
    void record(int clientId, double epochSeconds) {
        pending.merge(clientId, epochSeconds, Math::max);
        if (scheduled.compareAndSet(false, true)) {
            scheduler.schedule(INTERVAL, () -> io.compute(() -> {
                scheduled.set(false);
                write();
                return null;
            }, Runnable::run).exceptionally(e -> {
                scheduled.set(false); // the pool refused (full or closed): the next record tries again
                LOG.debug("cannot record last_seen now: {}", e.toString());
                return null;
            }));
        }
    }

    /** Writes every pending time now, on the calling thread. */
    void flush() {
        write();
    }

    private void write() {
        Map<Integer, Double> batch = new HashMap<>();
        for (Integer id : pending.keySet()) {
            Double t = pending.remove(id);
            if (t != null) {
                batch.put(id, t);
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            registry.touchAll(batch);
        } catch (RuntimeException e) {
            LOG.debug("cannot record last_seen of {} client(s): {}", batch.size(), e.toString());
        }
    }
}
