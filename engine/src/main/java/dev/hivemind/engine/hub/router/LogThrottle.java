package dev.hivemind.engine.hub.router;

/**
 * How often one peer's refused messages are logged: a satellite that sends thousands of messages the policy drops
 * (each is dropped silently on the wire, as hivemind-core does) must not write thousands of log lines. At most
 * {@value #BURST} lines, then one per {@value #INTERVAL_SECONDS} s, each saying how many were not logged since.
 * Used on the peer's own connection thread.
 */
final class LogThrottle {
    static final int BURST = 10;
    static final long INTERVAL_SECONDS = 10;
    private static final long INTERVAL_NANOS = INTERVAL_SECONDS * 1_000_000_000L;

    private double tokens = BURST;
    private long last = System.nanoTime();
    private long suppressed;

    /**
     * Whether this event may be logged now; if so, {@link #suppressedSinceLast()} says how many were not.
     */
    boolean allow() {
        long now = System.nanoTime();
        tokens = Math.min(BURST, tokens + (double) (now - last) / INTERVAL_NANOS);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        suppressed++;
        return false;
    }

    /** How many events were not logged before this one (and resets the count); call after {@link #allow()}. */
    long suppressedSinceLast() {
        long n = suppressed;
        suppressed = 0;
        return n;
    }
}
