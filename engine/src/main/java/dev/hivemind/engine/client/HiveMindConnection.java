package dev.hivemind.engine.client;

import dev.hivemind.api.agent.SessionInfo;
import dev.hivemind.api.error.HiveMindException;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.engine.session.ClientSession;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * An established client session to a hub. Messages from the hub go to the listener given at connect time, or, when
 * none was given, into a bounded inbox read with {@link #poll(Duration)} (when the inbox is full the oldest message is
 * dropped and counted).
 */
public final class HiveMindConnection implements AutoCloseable {
    /** How often a waiting {@link #poll} looks whether the connection has ended. */
    private static final long CLOSE_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final ClientSession session;
    private final SessionInfo info;
    private final CompletableFuture<CloseInfo> closed;
    private final BlockingQueue<HiveMessage> inbox;
    private final Consumer<HiveMessage> listener;
    private volatile long dropped;

    /** Why and how the connection ended. */
    public record CloseInfo(int code, String reason, Optional<HiveMindException> failure) {
    }

    HiveMindConnection(ClientSession session, SessionInfo info, CompletableFuture<CloseInfo> closed,
            Consumer<HiveMessage> listener, int inboxCapacity) {
        this.session = session;
        this.info = info;
        this.closed = closed;
        this.listener = listener;
        this.inbox = listener == null ? new ArrayBlockingQueue<>(inboxCapacity) : null;
    }

    void deliver(HiveMessage message) {
        if (listener != null) {
            listener.accept(message);
            return;
        }
        while (!inbox.offer(message)) {
            if (inbox.poll() != null) {
                dropped++;
            }
        }
    }

    /** What the handshake negotiated. */
    public SessionInfo sessionInfo() {
        return info;
    }

    /** Our session id (announced in HELLO). */
    public String sessionId() {
        return session.sessionId();
    }

    /**
     * Sends a message, encrypted under the session key; the stage completes once it is handed to the socket, or fails
     * with the reason (see {@link ClientSession#send}).
     */
    public CompletionStage<Void> send(HiveMessage message) {
        return session.send(message);
    }

    /** Whether the outgoing buffer is above its high-water mark: stop sending until writes complete. */
    public boolean writeQueueFull() {
        return session.writeQueueFull();
    }

    /** Messages sent but not yet written to the transport: grows when the hub (or the network) does not keep up. */
    public int unsent() {
        return session.unsent();
    }

    /**
     * The next message from the hub; empty after {@code timeout}, or as soon as the connection has ended and no
     * message is left (see {@link #closed()} for why). Only without a listener.
     */
    public Optional<HiveMessage> poll(Duration timeout) throws InterruptedException {
        if (inbox == null) {
            throw new IllegalStateException("messages go to the listener given at connect time");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean ended = closed.isDone();
            HiveMessage next = inbox.poll();
            if (next != null || ended) {
                return Optional.ofNullable(next);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            next = inbox.poll(Math.min(left, CLOSE_CHECK_NANOS), TimeUnit.NANOSECONDS);
            if (next != null) {
                return Optional.of(next);
            }
        }
    }

    /** Messages dropped because the inbox was full. */
    public long droppedMessages() {
        return dropped;
    }

    /** Completes when the connection ends, by either side. */
    public CompletionStage<CloseInfo> closed() {
        return closed;
    }

    /** Closes the connection normally (1000). */
    @Override
    public void close() {
        session.close();
    }
}
