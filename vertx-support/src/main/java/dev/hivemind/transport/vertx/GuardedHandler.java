package dev.hivemind.transport.vertx;

import dev.hivemind.api.transport.ConnectionHandler;
import dev.hivemind.api.transport.Frame;
import org.slf4j.Logger;

/**
 * The engine's handler as one connection calls it: a call that throws is logged under the connection's id and
 * reported to the caller, which closes the connection; it never reaches the transport library. Event loop only.
 */
final class GuardedHandler {
    private final Logger log;
    private final String id;
    private ConnectionHandler handler;

    GuardedHandler(Logger log, String id) {
        this.log = log;
        this.id = id;
    }

    boolean bound() {
        return handler != null;
    }

    /** Binds {@code connectionHandler} and calls its {@code onOpen}; returns false if that threw. */
    boolean open(ConnectionHandler connectionHandler) {
        this.handler = connectionHandler;
        try {
            connectionHandler.onOpen();
            return true;
        } catch (RuntimeException e) {
            log.error(id + ": the connection handler failed in onOpen", e);
            return false;
        }
    }

    /** Hands a frame to the bound handler; returns false if it threw. */
    boolean frame(Frame frame) {
        try {
            handler.onFrame(frame);
            return true;
        } catch (RuntimeException e) {
            log.error(id + ": the connection handler failed on a frame", e);
            return false;
        }
    }

    /** Tells the bound handler, if any, that the connection closed. */
    void closed(int code, String reason) {
        ConnectionHandler h = handler;
        if (h != null) {
            try {
                h.onClosed(code, reason);
            } catch (RuntimeException e) {
                log.error(id + ": the connection handler failed in onClosed", e);
            }
        }
    }
}
