package dev.hivemind.transport.websocket;

import dev.hivemind.transport.vertx.PendingConnections;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.ServerWebSocketHandshake;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One connection between its TCP accept and its upgrade: its pending place and, once an upgrade request was read, that
 * request waiting for admission. Whoever decides a request first (its admission, its deadline, the connection's
 * eviction) answers it; a connection whose request waits is answered with an HTTP status, never dropped bare.
 */
final class WaitingUpgrade {
    /** One upgrade request and its one answer (a connection kept alive after a refusal may send another). */
    static final class Request {
        final ServerWebSocketHandshake handshake;
        private final AtomicBoolean decided = new AtomicBoolean();
        private volatile long admissionTimer = -1;

        Request(ServerWebSocketHandshake handshake) {
            this.handshake = handshake;
        }

        /** Claims the right to answer this request; true once only. */
        boolean decide() {
            return decided.compareAndSet(false, true);
        }

        boolean decided() {
            return decided.get();
        }

        void admissionTimer(long timer) {
            this.admissionTimer = timer;
        }

        long admissionTimer() {
            return admissionTimer;
        }
    }

    final HttpConnection connection;
    private volatile PendingConnections.Slot slot;
    private volatile Request request;

    WaitingUpgrade(HttpConnection connection) {
        this.connection = connection;
    }

    void slot(PendingConnections.Slot slot) {
        this.slot = slot;
    }

    PendingConnections.Slot slot() {
        return slot;
    }

    /** A request was read on this connection: it is the one now waiting. */
    void requested(Request request) {
        this.request = request;
    }

    /** The request read last, if it waits for its answer; else {@code null}. */
    Request waitingRequest() {
        Request r = request;
        return r == null || r.decided() ? null : r;
    }
}
