package dev.hivemind.transport.vertx;

import java.time.Duration;

/**
 * Per-connection limits shared by the server and client sides.
 *
 * @param maxFrameBytes        largest frame accepted from, and sent to, the peer
 * @param idleTimeout          inbound silence after which the connection is closed (zero: never); the peer is
 *                             pinged at half of it
 * @param closingTimeout       how long a close handshake may take before the socket is dropped
 * @param writeHighWaterBytes  unsent bytes above which {@code writeQueueFull()} is true and input is paused
 * @param writeLimitBytes      unsent bytes above which the connection is dropped (the hard bound of the queue)
 * @param maxNoopFrames        frames without data (pings, pongs, empty fragments) in a row beyond one per second
 *                             before the connection is closed with 1008 (SECURITY.md T30)
 */
public record ConnectionLimits(int maxFrameBytes, Duration idleTimeout, Duration closingTimeout,
        long writeHighWaterBytes, long writeLimitBytes, int maxNoopFrames) {

    public ConnectionLimits {
        if (maxFrameBytes <= 0) {
            throw new IllegalArgumentException("maxFrameBytes must be positive");
        }
        if (idleTimeout.isNegative() || closingTimeout.isNegative() || closingTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must not be negative and closingTimeout must be positive");
        }
        if (maxNoopFrames <= 0) {
            throw new IllegalArgumentException("maxNoopFrames must be positive");
        }
        if (writeHighWaterBytes <= 0 || writeLimitBytes < writeHighWaterBytes) {
            throw new IllegalArgumentException("writeHighWaterBytes must be positive and at most writeLimitBytes");
        }
    }

    /** How long a stalled writer (a peer that does not read) is tolerated before it is dropped. */
    Duration drainTimeout() {
        return idleTimeout.isZero() ? Duration.ofMinutes(1) : idleTimeout;
    }

    /**
     * The socket-level write-idle timeout a server sets as the backstop for a peer that does not read: no write
     * completed for this long closes the channel at once, even with unsent data queued. Healthy connections always
     * complete a write within half the idle timeout (the watchdog pings when nothing else was written).
     */
    public Duration stalledWriteTimeout() {
        return drainTimeout().plus(closingTimeout);
    }
}
