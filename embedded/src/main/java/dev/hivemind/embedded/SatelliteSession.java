package dev.hivemind.embedded;

import dev.hivemind.api.agent.SessionInfo;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.engine.client.HiveMindConnection;
import io.vertx.core.Vertx;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One established session with a hub. Thread-safe; callbacks (messages, drain, end) run on the connection's event
 * loop, or on the calling thread when a handler is set after what it handles already happened. Never block them.
 *
 * <p>Flow control as in Vert.x streams: {@link #send} returns at once; when {@link #writeQueueFull()} turns true, stop
 * and wait for the {@link #drainHandler drain handler}. The session fills the context of BUS messages a hub needs
 * (its {@link #sessionId()} and {@link #siteId()}) unless the message sets them itself.
 */
public final class SatelliteSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SatelliteSession.class);

    private final HiveMindConnection connection;
    private final Vertx vertx;
    private final String siteId;
    private final MessageRelay relay;
    private final int maxQueuedSends;
    private final String hubUrl;
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean drainWanted = new AtomicBoolean();
    private final CompletableFuture<SessionEnd> end = new CompletableFuture<>();
    private volatile Runnable drainHandler;
    private volatile boolean closeRequested;

    SatelliteSession(HiveMindConnection connection, Vertx vertx, String siteId, MessageRelay relay,
            int maxQueuedSends, String hubUrl, Consumer<SatelliteSession> onEnd) {
        this.hubUrl = hubUrl;
        this.connection = connection;
        this.vertx = vertx;
        this.siteId = siteId;
        this.relay = relay;
        this.maxQueuedSends = maxQueuedSends;
        connection.closed().whenComplete((info, error) -> {
            SessionEnd why = info == null
                    ? new SessionEnd.ConnectionLost(String.valueOf(error))
                    : SessionEnds.of(closeRequested, info.code(), info.reason(), info.failure().orElse(null));
            // the owner's bookkeeping (its slot) is settled before anyone waiting on closed() goes on
            onEnd.accept(this);
            end.complete(why);
        });
    }

    /** The hub this session is with, {@code scheme://host:port} (one of the satellite's {@code urls}). */
    public String hubUrl() {
        return hubUrl;
    }

    /** The session id this satellite announced in its HELLO (the hub knows the session by it). */
    public String sessionId() {
        return connection.sessionId();
    }

    /** The site id announced in HELLO. */
    public String siteId() {
        return siteId;
    }

    /** What the handshake negotiated: auth method, protocol version, cipher, encoding, binarization, duration. */
    public SessionInfo info() {
        return connection.sessionInfo();
    }

    /**
     * Sends a message under the session key. The stage completes once the frame is handed to the socket, or fails with
     * the reason: the session is closed (the {@link dev.hivemind.api.error.HiveMindException} that ended it, or a
     * {@link dev.hivemind.api.error.ConnectionClosedException}), or the message cannot be encoded (it is then the session
     * that fails). Sending never blocks; heed {@link #writeQueueFull()}.
     */
    public CompletionStage<Void> send(HiveMessage message) {
        Objects.requireNonNull(message, "message");
        CompletableFuture<Void> written = new CompletableFuture<>();
        queued.incrementAndGet();
        connection.send(message).whenComplete((v, error) -> {
            queued.decrementAndGet();
            if (error == null) {
                written.complete(null);
            } else {
                written.completeExceptionally(error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error);
            }
            maybeDrain();
        });
        return written;
    }

    /**
     * Whether to stop sending: the transport's buffer is above its high-water mark (the hub reads slowly), or more
     * messages than {@link SatelliteBuilder#maxQueuedSends} wait to be written. The {@link #drainHandler} says when to
     * go on.
     */
    public boolean writeQueueFull() {
        boolean full = queued.get() >= maxQueuedSends || connection.writeQueueFull();
        if (full) {
            drainWanted.set(true);
        }
        return full;
    }

    /**
     * Called once each time the queue has drained after {@link #writeQueueFull()} returned true (half the queued
     * messages written and the transport below its mark); at once if that already happened.
     */
    public SatelliteSession drainHandler(Runnable handler) {
        this.drainHandler = handler;
        maybeDrain();
        return this;
    }

    /**
     * Where messages from the hub go. Messages that arrived while there was no handler (at most 1024, the oldest dropped
     * first) are handed to it first, on this thread.
     */
    public SatelliteSession messageHandler(Consumer<HiveMessage> handler) {
        relay.handler(handler);
        return this;
    }

    /** Messages dropped because there was no handler and the backlog was full. */
    public long droppedMessages() {
        return relay.dropped();
    }

    /** Called once when the session ends, with why; at once if it already has. */
    public SatelliteSession closeHandler(Consumer<SessionEnd> handler) {
        Objects.requireNonNull(handler, "handler");
        end.thenAccept(e -> {
            try {
                handler.accept(e);
            } catch (RuntimeException ex) {
                LOG.warn("the close handler failed", ex);
            }
        });
        return this;
    }

    /** Completes when the session ends, by either side, with why. */
    public CompletionStage<SessionEnd> closed() {
        return end;
    }

    /** Whether the session is still open. */
    public boolean isOpen() {
        return !end.isDone();
    }

    /** The Vert.x-flavoured face of this session: the same operations, returning {@link io.vertx.core.Future}s. */
    public SessionFutures futures() {
        return new SessionFutures(this, vertx);
    }

    /** Closes the session normally (1000); it then ends as {@link SessionEnd.ClosedByUs}. Idempotent. */
    @Override
    public void close() {
        closeRequested = true;
        connection.close();
    }

    private void maybeDrain() {
        Runnable handler = drainHandler;
        if (handler != null && drainWanted.get() && queued.get() <= maxQueuedSends / 2 && !connection.writeQueueFull()
                && drainWanted.compareAndSet(true, false)) {
            try {
                handler.run();
            } catch (RuntimeException e) {
                LOG.warn("the drain handler failed", e);
            }
        }
    }
}
