package dev.hivemind.transport.vertx;

import dev.hivemind.api.error.CloseCode;
import dev.hivemind.api.error.ConnectionClosedException;
import dev.hivemind.api.error.FrameTooLargeException;
import dev.hivemind.api.transport.Frame;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * One connection's bounded outbound queue: the bytes handed to the socket and not written yet, input paused above the
 * high-water mark (and the idle watchdog with it) and resumed below half of it, the peer dropped when the queue passes
 * its hard limit or does not drain within the drain timeout. {@link #send} and {@link #full()} may be called from any
 * thread; everything else runs on the connection's event loop.
 */
final class OutboundQueue {
    private final AbstractVertxConnection connection;
    private final String id;
    private final CloseProgress close;
    private final ConnectionLimits limits;
    private final Vertx vertx;
    private final IdleWatchdog watchdog;
    private final Logger log;
    private final AtomicLong unsentBytes = new AtomicLong();
    private boolean inputPaused;
    private long drainTimer = -1;

    OutboundQueue(AbstractVertxConnection connection, String id, CloseProgress close, ConnectionLimits limits,
            Vertx vertx, IdleWatchdog watchdog, Logger log) {
        this.connection = connection;
        this.id = id;
        this.close = close;
        this.limits = limits;
        this.vertx = vertx;
        this.watchdog = watchdog;
        this.log = log;
    }

    /** Whether the unsent bytes reach the high-water mark. */
    boolean full() {
        return unsentBytes.get() >= limits.writeHighWaterBytes();
    }

    /** Sends a data frame from any thread: refused at once above the frame limit, else written on the event loop. */
    CompletionStage<Void> send(Frame frame) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        int size = frame.size();
        if (size > limits.maxFrameBytes()) {
            result.completeExceptionally(new FrameTooLargeException("frame too large",
                    "a frame of " + size + " bytes exceeds the limit of " + limits.maxFrameBytes() + " bytes"));
            return result;
        }
        connection.onEventLoop(() -> write(() -> connection.writeData(frame), size, result));
        return result;
    }

    /** Writes {@code size} bytes with {@code writer} inside the accounting; {@code result} tells how it went. */
    void write(Supplier<Future<Void>> writer, int size, CompletableFuture<Void> result) {
        if (!close.isOpen()) {
            result.completeExceptionally(close.closedException(id));
            return;
        }
        long unsent = unsentBytes.addAndGet(size);
        if (unsent > limits.writeLimitBytes()) {
            unsentBytes.addAndGet(-size);
            log.warn("{}: {} unsent bytes exceed the limit; dropping the peer", id, unsent);
            // fail the send before onClosed runs, so whoever sees the close also sees the refused send
            result.completeExceptionally(new ConnectionClosedException(CloseCode.POLICY_VIOLATION.code(),
                    "connection " + id + " is closed"));
            connection.drop(CloseCode.POLICY_VIOLATION, AbstractVertxConnection.SLOW_READER_REASON);
            return;
        }
        Future<Void> written;
        try {
            written = writer.get();
        } catch (RuntimeException e) {
            unsentBytes.addAndGet(-size);
            result.completeExceptionally(close.closedException(id));
            return;
        }
        written.onComplete(ar -> {
            unsentBytes.addAndGet(-size);
            if (ar.succeeded()) {
                watchdog.written();
                result.complete(null);
            } else {
                result.completeExceptionally(close.closedException(id));
            }
            maybeResumeInput();
        });
        if (!inputPaused && full() && close.isOpen()) {
            pauseInput();
        }
    }

    /** The connection is closed: the drain timer goes. */
    void stop() {
        if (drainTimer >= 0) {
            vertx.cancelTimer(drainTimer);
        }
    }

    private void pauseInput() {
        inputPaused = true;
        watchdog.suspend();
        connection.pauseInput();
        drainTimer = vertx.setTimer(Math.max(1, limits.drainTimeout().toMillis()), t -> {
            drainTimer = -1;
            if (inputPaused && close.isOpen()) {
                log.info("{}: the peer did not read for {}; dropping it", id, limits.drainTimeout());
                connection.drop(CloseCode.POLICY_VIOLATION, AbstractVertxConnection.SLOW_READER_REASON);
            }
        });
    }

    private void maybeResumeInput() {
        if (inputPaused && unsentBytes.get() <= limits.writeHighWaterBytes() / 2) {
            inputPaused = false;
            if (drainTimer >= 0) {
                vertx.cancelTimer(drainTimer);
            }
            drainTimer = -1;
            if (close.isOpen()) {
                watchdog.resume();
                connection.resumeInput();
            }
        }
    }
}
