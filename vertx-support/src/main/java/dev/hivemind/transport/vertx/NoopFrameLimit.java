package dev.hivemind.transport.vertx;

/**
 * The cap on frames that carry no data (pings, pongs, empty fragments; SECURITY.md T30): a leaky bucket that drains one
 * frame per second and holds a burst of {@code maxNoopFrames}. An honest peer pings every few seconds at most; a flood
 * overflows the bucket within its burst. Data frames do not empty it, so the pongs a peer can make us write stay bounded
 * however it interleaves them. One connection's event loop only.
 */
final class NoopFrameLimit {
    private static final double DRAIN_PER_NANO = 1e-9;

    private final int maxNoopFrames;
    private double level;
    private long updated;

    NoopFrameLimit(int maxNoopFrames) {
        this.maxNoopFrames = maxNoopFrames;
    }

    /** Counts one data-less frame arriving at {@code nowNanos}; whether the peer is now over the cap. */
    boolean exceededBy(long nowNanos) {
        level = Math.max(0, level - (nowNanos - updated) * DRAIN_PER_NANO) + 1;
        updated = nowNanos;
        return level > maxNoopFrames;
    }
}
