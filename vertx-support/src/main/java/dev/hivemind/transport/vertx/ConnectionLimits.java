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
 */
public record ConnectionLimits(int maxFrameBytes, Duration idleTimeout, Duration closingTimeout,
        long writeHighWaterBytes, long writeLimitBytes) {

    public ConnectionLimits {
        if (maxFrameBytes <= 0) {
            throw new IllegalArgumentException("maxFrameBytes must be positive");
        }
        if (idleTimeout.isNegative() || closingTimeout.isNegative() || closingTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must not be negative and closingTimeout must be positive");
        }
        if (writeHighWaterBytes <= 0 || writeLimitBytes < writeHighWaterBytes) {
            throw new IllegalArgumentException("writeHighWaterBytes must be positive and at most writeLimitBytes");
        }
    }

    /** How long a stalled writer (a peer that does not read) is tolerated before it is dropped. */
    Duration drainTimeout() {
        return idleTimeout.isZero() ? Duration.ofMinutes(1) : idleTimeout;
    }
}
