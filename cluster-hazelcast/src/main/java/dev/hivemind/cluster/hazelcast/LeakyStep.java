package dev.hivemind.cluster.hazelcast;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import dev.hivemind.engine.hub.RateBuckets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One step of a shared leaky bucket, run where the entry lives: drains the level ({@code {level, updated millis}}) to
 * now, adds {@code add} units (0 to read it), stores it, and returns the new level. Atomic per key, so concurrent
 * charges from several nodes all count. A stored entry expires one period after its last change, when it would have
 * drained to nothing anyway.
 */
final class LeakyStep implements EntryProcessor<String, double[], Double> {
    private static final long serialVersionUID = 1L;

    private final int capacity;
    private final long periodMillis;
    private final double add;

    LeakyStep(int capacity, Duration period, double add) {
        this.capacity = capacity;
        this.periodMillis = period.toMillis();
        this.add = add;
    }

    @Override
    public Double process(Map.Entry<String, double[]> entry) {
        long now = System.currentTimeMillis();
        double[] v = entry.getValue();
        double level = RateBuckets.step(v == null ? 0 : v[0], v == null ? now : (long) v[1], now, capacity,
                Duration.ofMillis(periodMillis), add);
        if (add > 0) {
            ((ExtendedMapEntry<String, double[]>) entry).setValue(new double[] {level, now}, Math.max(1, periodMillis),
                    TimeUnit.MILLISECONDS);
        }
        return level;
    }
}
