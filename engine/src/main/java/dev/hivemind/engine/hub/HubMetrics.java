package dev.hivemind.engine.hub;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of what the hub saw: connections, handshakes, rejections, refused messages. */
public final class HubMetrics {
    final AtomicLong connections = new AtomicLong();
    final AtomicLong established = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong failedHandshakes = new AtomicLong();
    final AtomicLong refusedMessages = new AtomicLong();
    final AtomicLong messagesIn = new AtomicLong();
    final AtomicLong messagesOut = new AtomicLong();
    final AtomicLong kdfRefused = new AtomicLong();

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

    /** Key derivations refused because their source's budget was spent. */
    public long kdfRefused() {
        return kdfRefused.get();
    }

    public long messagesIn() {
        return messagesIn.get();
    }

    public long messagesOut() {
        return messagesOut.get();
    }
}
