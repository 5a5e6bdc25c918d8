package dev.hivemind.embedded;

import dev.hivemind.api.wire.HiveMessage;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a session's incoming messages to its handler, in order. Until a handler is set they wait in a bounded backlog
 * (when it is full the oldest is dropped and counted); setting a handler hands it the backlog first. A handler that
 * throws is logged and the session goes on.
 */
final class MessageRelay {
    /** Messages kept for a session without a handler. */
    static final int BACKLOG = 1024;
    private static final Logger LOG = LoggerFactory.getLogger(MessageRelay.class);

    private final Deque<HiveMessage> backlog = new ArrayDeque<>();
    private Consumer<HiveMessage> handler;
    private boolean flushing;
    private long dropped;

    MessageRelay(Consumer<HiveMessage> handler) {
        this.handler = handler;
    }

    /** A message from the hub (on the connection's event loop). */
    void deliver(HiveMessage message) {
        Consumer<HiveMessage> target;
        synchronized (this) {
            if (handler == null || flushing) {
                if (backlog.size() == BACKLOG) {
                    backlog.pollFirst();
                    dropped++;
                }
                backlog.addLast(message);
                return;
            }
            target = handler;
        }
        call(target, message);
    }

    /** Sets the handler and hands it what waited, on the calling thread, before any newer message. */
    void handler(Consumer<HiveMessage> newHandler) {
        synchronized (this) {
            handler = newHandler;
            if (flushing || newHandler == null) {
                return;
            }
            flushing = true;
        }
        while (true) {
            HiveMessage next;
            Consumer<HiveMessage> target;
            synchronized (this) {
                next = backlog.pollFirst();
                target = handler;
                if (next == null || target == null) {
                    flushing = false;
                    return;
                }
            }
            call(target, next);
        }
    }

    /** Messages dropped because no handler took them and the backlog was full. */
    synchronized long dropped() {
        return dropped;
    }

    private static void call(Consumer<HiveMessage> target, HiveMessage message) {
        try {
            target.accept(message);
        } catch (RuntimeException e) {
            LOG.warn("the message handler failed on a {} message", message.type().wireName(), e);
        }
    }
}
