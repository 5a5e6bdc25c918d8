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
 * Thread-safe. A ledger shared by the nodes of a cluster keeps one as each node's view of the shared levels.
 */
public final class RateBuckets {
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
    public RateBuckets(int capacity, Duration period, int maxKeys, Clock clock) {
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
    public synchronized boolean hasRoom(String key) {
        if (capacity <= 0) {
            return true;
        }
        Bucket b = buckets.get(key);
        return b == null || drained(b, clock.millis()) + 1 <= capacity + 1e-9;
    }

    /** Adds one unit to {@code key} (capped at the capacity). */
    public synchronized void add(String key) {
        if (capacity <= 0) {
            return;
        }
        long now = clock.millis();
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket());
        b.level = Math.min(capacity, drained(b, now) + 1);
        b.updated = now;
    }

    /** Raises {@code key}'s level to at least {@code level} as of now (what another node of a cluster counted). */
    public synchronized void raise(String key, double level) {
        if (capacity <= 0 || level <= 0) {
            return;
        }
        long now = clock.millis();
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket());
        b.level = Math.min(capacity, Math.max(drained(b, now), level));
        b.updated = now;
    }

    /** The units {@code key} holds now. */
    public synchronized double level(String key) {
        Bucket b = buckets.get(key);
        return b == null ? 0 : drained(b, clock.millis());
    }

    /** Whether this table counts anything (a capacity of 0 disables it). */
    public boolean enabled() {
        return capacity > 0;
    }

    /**
     * One step of the leaky bucket, for a level kept elsewhere: what {@code level}, last updated at {@code updated},
     * holds at {@code now} when {@code capacity} units drain per {@code period}, plus {@code add} (capped at the
     * capacity).
     */
    public static double step(double level, long updated, long now, int capacity, Duration period, double add) {
        double drainPerMilli = capacity / (double) Math.max(1, period.toMillis());
        double drained = now > updated ? Math.max(0, level - (now - updated) * drainPerMilli) : level;
        return Math.min(capacity, drained + add);
    }

    /** Forgets {@code key}. */
    public synchronized void forget(String key) {
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
