package dev.hivemind.engine.hub;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of what the hub saw: connections, handshakes, rejections, refused messages; each event is also handed to the
 * {@link HubObserver} the hub was given (a metrics module's).
 */
public final class HubMetrics {
    volatile HubObserver observer = HubObserver.NONE;

    final AtomicLong connections = new AtomicLong();
    final AtomicLong established = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong failedHandshakes = new AtomicLong();
    final AtomicLong refusedMessages = new AtomicLong();
    final AtomicLong messagesIn = new AtomicLong();
    final AtomicLong messagesOut = new AtomicLong();

    public long connections() {
        return connections.get();
    }

    public long established() {
        return established.get();
    }

    /** Admissions refused (unknown key, malformed token, limits). */
    public long rejected() {
        return rejected.get();
    }

    /** Sessions that closed before completing their handshake. */
    public long failedHandshakes() {
        return failedHandshakes.get();
    }

    /** Messages dropped by the permission policy. */
    public long refusedMessages() {
        return refusedMessages.get();
    }

    public long messagesIn() {
        return messagesIn.get();
    }

    public long messagesOut() {
        return messagesOut.get();
    }
}
