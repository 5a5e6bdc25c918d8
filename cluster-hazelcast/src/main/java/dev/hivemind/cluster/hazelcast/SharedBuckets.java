package dev.hivemind.cluster.hazelcast;

import com.hazelcast.map.IMap;
import dev.hivemind.engine.hub.RateBuckets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leaky buckets shared by the nodes of a cluster: the levels live in a Hazelcast map (changed only by
 * {@link LeakyStep}, atomically per key, entries expiring once they would have drained), and each node keeps its own
 * {@link RateBuckets} as a view that answers at once. Every unit a node adds counts locally at once and is added to the
 * shared level in the background; the level that comes back raises the view. Reads that may wait
 * ({@link #hasRoomShared}) ask the shared map. If the map cannot be reached, the node's own view decides: an attack is
 * then limited per node, as on a hub alone.
 */
final class SharedBuckets {
    private static final Logger LOG = LoggerFactory.getLogger(SharedBuckets.class);

    private final IMap<String, double[]> shared;
    private final RateBuckets view;
    private final int capacity;
    private final Duration period;

    SharedBuckets(IMap<String, double[]> shared, int capacity, Duration period, int maxKeys, Clock clock) {
        this.shared = shared;
        this.view = new RateBuckets(capacity, period, maxKeys, clock);
        this.capacity = capacity;
        this.period = period;
    }

    /** Whether one more unit fits, as far as this node knows now. */
    boolean hasRoom(String key) {
        return view.hasRoom(key);
    }

    /** Whether one more unit fits cluster-wide (this node's view, raised by the shared level). Never fails. */
    CompletionStage<Boolean> hasRoomShared(String key) {
        if (!view.enabled()) {
            return CompletableFuture.completedFuture(true);
        }
        if (!view.hasRoom(key)) {
            return CompletableFuture.completedFuture(false);
        }
        return step(key, 0).handle((level, error) -> view.hasRoom(key));
    }

    /** Brings this node's view of {@code key} up to the shared level, in the background. */
    void refresh(String key) {
        if (view.enabled()) {
            step(key, 0);
        }
    }

    /** Adds one unit here at once, and to the shared level. */
    void add(String key) {
        if (view.enabled()) {
            view.add(key);
            step(key, 1);
        }
    }

    /** Forgets {@code key} here and cluster-wide. */
    void forget(String key) {
        view.forget(key);
        if (view.enabled()) {
            try {
                shared.removeAsync(key);
            } catch (RuntimeException e) {
                LOG.debug("the shared ledger cannot be reached: {}", e.toString());
            }
        }
    }

    private CompletionStage<Double> step(String key, double add) {
        CompletionStage<Double> stage;
        try {
            stage = shared.submitToKey(key, new LeakyStep(capacity, period, add));
        } catch (RuntimeException e) { // the member is shutting down or cut off
            stage = CompletableFuture.failedFuture(e);
        }
        return stage.whenComplete((level, error) -> {
            if (error != null) {
                LOG.debug("the shared ledger did not answer for one source: {}", error.toString());
            } else if (level != null) {
                view.raise(key, level);
            }
        });
    }
}
