package dev.hivemind.engine.hub;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Leaky buckets by key: each key holds a level of used units that drains continuously at {@code capacity} units per
 * {@code period}; a key has room while one more unit fits under {@code capacity}. Used both as a token bucket (take a
 * unit only if there is room: a budget) and as a failure counter (always add; the key is blocked while it has no
 * room). Bounded: at most {@code maxKeys} keys, the least recently used forgotten first. O(1) memory per key.
 * Thread-safe.
 */
final class RateBuckets {
    private final double capacity;
    private final double drainPerMilli;
    private final Clock clock;
    private final Map<String, Bucket> buckets;

    private static final class Bucket {
        double level;
        long updated;
    }

    /**
     * @param capacity units a key may use at once (0 disables: every key always has room)
     * @param period   how long a full bucket takes to drain
     * @param maxKeys  keys tracked at most
     */
    RateBuckets(int capacity, Duration period, int maxKeys, Clock clock) {
        this.capacity = capacity;
        this.drainPerMilli = capacity / (double) Math.max(1, period.toMillis());
        this.clock = clock;
        this.buckets = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** Whether one more unit fits for {@code key}. */
    synchronized boolean hasRoom(String key) {
        if (capacity <= 0) {
            return true;
        }
        Bucket b = buckets.get(key);
        return b == null || drained(b, clock.millis()) + 1 <= capacity + 1e-9;
    }

    /** Adds one unit to {@code key} (capped at the capacity). */
    synchronized void add(String key) {
        if (capacity <= 0) {
            return;
        }
        long now = clock.millis();
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket());
        b.level = Math.min(capacity, drained(b, now) + 1);
        b.updated = now;
    }

    /** Forgets {@code key}. */
    synchronized void forget(String key) {
        buckets.remove(key);
    }

    /** Keys tracked (a test seam for the bound). */
    synchronized int size() {
        return buckets.size();
    }

    private double drained(Bucket b, long now) {
        if (now > b.updated) {
            b.level = Math.max(0, b.level - (now - b.updated) * drainPerMilli);
            b.updated = now;
        }
        return b.level;
    }
}
