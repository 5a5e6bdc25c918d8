package dev.hivemind.transport.vertx;

import dev.hivemind.api.error.ConnectionClosedException;
import io.vertx.core.Vertx;
import java.time.Duration;

/**
 * Where one connection is in its close, as explicit states: open, closing (a close frame sent or received, the socket
 * not gone yet) and closed; who started the close, with which code and reason; and the timer that drops a socket whose
 * close handshake does not finish. Changed on the connection's event loop only; {@link #isOpen()} may be read from any
 * thread.
 */
final class CloseProgress {
    private enum State { OPEN, CLOSING, CLOSED }

    private final Vertx vertx;
    private final Duration closingTimeout;
    private volatile State state = State.OPEN;
    private int localCode;
    private String localReason;
    private int peerCode;
    private String peerReason;
    private long closingTimer = -1;

    CloseProgress(Vertx vertx, Duration closingTimeout) {
        this.vertx = vertx;
        this.closingTimeout = closingTimeout;
    }

    boolean isOpen() {
        return state == State.OPEN;
    }

    boolean isClosed() {
        return state == State.CLOSED;
    }

    /** Whether this side started the close. */
    boolean closedLocally() {
        return state != State.OPEN && localReason != null;
    }

    /** This side starts the close with {@code code} and {@code reason}; returns false (and keeps all) unless open. */
    boolean closeLocally(int code, String reason) {
        if (state != State.OPEN) {
            return false;
        }
        state = State.CLOSING;
        localCode = code;
        localReason = reason;
        return true;
    }

    /**
     * The peer sent a close frame: its first code and reason are kept. Returns whether this started the close (the
     * connection was open).
     */
    boolean closedByPeer(int code, String reason) {
        if (peerReason == null) {
            peerCode = code;
            peerReason = reason == null ? "" : reason;
        }
        if (state == State.OPEN) {
            state = State.CLOSING;
            return true;
        }
        return false;
    }

    /** The socket is gone: returns false if it already was; otherwise cancels the closing timer. */
    boolean socketGone() {
        if (state == State.CLOSED) {
            return false;
        }
        state = State.CLOSED;
        if (closingTimer >= 0) {
            vertx.cancelTimer(closingTimer);
        }
        return true;
    }

    /** The close code reported: this side's, else the peer's, else 1006. */
    int code() {
        return localReason != null ? localCode : peerReason != null ? peerCode : 1006;
    }

    /** The close reason reported with {@link #code()}: this side's, else the peer's, else "connection lost". */
    String reason() {
        return localReason != null ? localReason : peerReason != null ? peerReason : "connection lost";
    }

    /** What a send fails with once the connection is closing or closed. */
    ConnectionClosedException closedException(String id) {
        return new ConnectionClosedException(code(), "connection " + id + " is closed");
    }

    /**
     * Arms, once, the timer that ends a close handshake the peer does not finish: {@code dropSocket} then gets this
     * side's code and reason (else the peer's code and an empty reason) unless the socket is gone by then.
     */
    void armClosingTimer(DropSocket dropSocket) {
        if (closingTimer < 0) {
            closingTimer = vertx.setTimer(Math.max(1, closingTimeout.toMillis()), t -> {
                closingTimer = -1;
                if (state != State.CLOSED) {
                    dropSocket.drop(localReason != null ? localCode : peerCode, localReason != null ? localReason : "");
                }
            });
        }
    }

    /** Closes the socket at once with a close code and reason. */
    @FunctionalInterface
    interface DropSocket {
        void drop(int code, String reason);
    }
}
