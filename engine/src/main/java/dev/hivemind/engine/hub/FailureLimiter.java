package dev.hivemind.engine.hub;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts failed handshakes per key (an access key, a remote address) in a sliding window; a key with too many is
 * refused until its oldest failure leaves the window (SECURITY.md T18). Bounded: at most {@code maxKeys} keys are
 * tracked, the least recently failing ones are forgotten first.
 */
final class FailureLimiter {
    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final int maxKeys;
    private final Map<String, Deque<Long>> failures = new LinkedHashMap<>(16, 0.75f, true);

    FailureLimiter(int maxFailures, Duration window, Clock clock, int maxKeys) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
        this.maxKeys = maxKeys;
    }

    /** Records one failure for each key. */
    synchronized void recordFailure(String... keys) {
        long now = clock.millis();
        for (String key : keys) {
            if (key == null) {
                continue;
            }
            Deque<Long> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            prune(times, now);
            times.addLast(now);
            while (times.size() > maxFailures) {
                times.removeFirst();
            }
        }
        while (failures.size() > maxKeys) {
            Iterator<String> oldest = failures.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /** Whether any of the keys has reached the limit within the window. */
    synchronized boolean blocked(String... keys) {
        if (maxFailures <= 0) {
            return false;
        }
        long now = clock.millis();
        for (String key : keys) {
            Deque<Long> times = key == null ? null : failures.get(key);
            if (times != null) {
                prune(times, now);
                if (times.size() >= maxFailures) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Forgets a key's failures (after a successful handshake). */
    synchronized void reset(String key) {
        failures.remove(key);
    }

    private void prune(Deque<Long> times, long now) {
        long cutoff = now - window.toMillis();
        while (!times.isEmpty() && times.peekFirst() <= cutoff) {
            times.removeFirst();
        }
    }
}
