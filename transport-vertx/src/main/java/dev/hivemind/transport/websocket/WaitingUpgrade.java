package dev.hivemind.transport.websocket;

import dev.hivemind.transport.vertx.PendingConnections;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.ServerWebSocketHandshake;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One connection between its TCP accept and its upgrade: its pending place and, once its request was read, the
 * handshake waiting for admission. Whoever decides first (admission, its deadline, its eviction) answers the
 * handshake; a connection whose request arrived is answered with an HTTP status, never dropped bare.
 * Used on the connection's event loop.
 */
final class WaitingUpgrade {
    final HttpConnection connection;
    private final AtomicBoolean decided = new AtomicBoolean();
    private volatile PendingConnections.Slot slot;
    private volatile ServerWebSocketHandshake handshake;
    private volatile long admissionTimer = -1;

    WaitingUpgrade(HttpConnection connection) {
        this.connection = connection;
    }

    void slot(PendingConnections.Slot slot) {
        this.slot = slot;
    }

    PendingConnections.Slot slot() {
        return slot;
    }

    /** The request was read: it now waits for its admission, whose deadline timer is {@code timer}. */
    void requested(ServerWebSocketHandshake handshake, long timer) {
        this.handshake = handshake;
        this.admissionTimer = timer;
    }

    /** Whether the request was read and nothing has answered it yet. */
    boolean awaitingAnswer() {
        return handshake != null && !decided.get();
    }

    /** Claims the right to answer the handshake; true once only. */
    boolean decide() {
        return decided.compareAndSet(false, true);
    }

    ServerWebSocketHandshake handshake() {
        return handshake;
    }

    long admissionTimer() {
        return admissionTimer;
    }
}
