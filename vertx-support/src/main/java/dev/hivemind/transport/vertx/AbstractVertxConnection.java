package dev.hivemind.transport.vertx;

import dev.hivemind.api.error.CloseCode;
import dev.hivemind.api.log.LogSafe;
import dev.hivemind.api.transport.Connection;
import dev.hivemind.api.transport.ConnectionHandler;
import dev.hivemind.api.transport.Frame;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * What every Vert.x-based connection shares: confinement to one event loop, sends from any thread, a bounded
 * outbound queue with backpressure (input paused above the high-water mark, the peer dropped when the queue does
 * not drain in time or passes its hard limit), an idle watchdog, and exactly one {@code onClosed}.
 *
 * <p>Subclasses move the bytes: they write data, pings and close frames, pause and resume input, and report
 * inbound events through {@link #deliver}, {@link #activity}, {@link #peerClosing}, {@link #failInbound} and
 * {@link #socketClosed}, always on the event loop.
 */
public abstract class AbstractVertxConnection implements Connection {
    private static final AtomicLong IDS = new AtomicLong();

    /** Close reason for an idle peer. */
    static final String IDLE_REASON = "idle timeout";
    /** Close reason for a peer that does not read what we send. */
    static final String SLOW_READER_REASON = "peer not reading";
    /** Close reason for a peer that floods frames without data (SECURITY.md T30). */
    static final String NOOP_REASON = "too many frames without data";

    /** What a keep-alive ping costs in the write accounting (a header and an empty payload). */
    private static final int PING_BYTES = 6;

    protected final Logger log;
    protected final Vertx vertx;
    protected final Context context;
    protected final ConnectionLimits limits;
    private final String id;
    private final String transport;
    private final InetSocketAddress remoteAddress;
    private final Thread eventLoop;
    private final Executor executor;
    private final CompletableFuture<Void> closedFuture = new CompletableFuture<>();
    private final IdleWatchdog watchdog;
    private final CloseProgress closeProgress;
    private final OutboundQueue outbound;
    private final GuardedHandler handler;
    private final NoopFrameLimit noopFrames;

    /** Must be called on the connection's event loop. */
    protected AbstractVertxConnection(Logger log, String transport, Vertx vertx, Context context,
            InetSocketAddress remoteAddress, ConnectionLimits limits) {
        this.log = log;
        this.transport = transport;
        this.vertx = vertx;
        this.context = context;
        this.remoteAddress = remoteAddress;
        this.limits = limits;
        this.eventLoop = Thread.currentThread();
        this.id = transport + "-" + IDS.incrementAndGet();
        this.executor = task -> context.runOnContext(v -> task.run());
        this.watchdog = new IdleWatchdog(vertx, limits.idleTimeout(), this::sendKeepAlivePing, this::idleExpired);
        this.closeProgress = new CloseProgress(vertx, limits.closingTimeout());
        this.outbound = new OutboundQueue(this, id, closeProgress, limits, vertx, watchdog, log);
        this.noopFrames = new NoopFrameLimit(limits.maxNoopFrames());
        this.handler = new GuardedHandler(log, id);
    }

    // ------------------------------------------------------------------ transport-specific

    /** Writes one data frame; completes when it is handed to the socket. */
    protected abstract Future<Void> writeData(Frame frame);

    /** Writes a ping the peer's transport answers with a pong; completes when it is handed to the socket. */
    protected abstract Future<Void> writePing();

    /** Starts the close handshake: send a close frame and wait for the peer's, then close the socket. */
    protected abstract void startCloseHandshake(int code, String reason);

    /** Sends a close frame if it still fits and closes the socket at once (the peer is not cooperating). */
    protected abstract void dropSocket(int code, String reason);

    protected abstract void pauseInput();

    protected abstract void resumeInput();

    // ------------------------------------------------------------------ Connection

    @Override
    public String id() {
        return id;
    }

    @Override
    public String transport() {
        return transport;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    @Override
    public Executor executor() {
        return executor;
    }

    @Override
    public boolean isOpen() {
        return closeProgress.isOpen();
    }

    /** Whether this side started the close (read it on the event loop, as {@code onClosed} is). */
    @Override
    public boolean closedLocally() {
        return closeProgress.closedLocally();
    }

    @Override
    public boolean writeQueueFull() {
        return outbound.full();
    }

    /** Completes once the socket is closed and {@code onClosed} was delivered. */
    public CompletableFuture<Void> closedFuture() {
        return closedFuture;
    }

    @Override
    public CompletionStage<Void> send(Frame frame) {
        return outbound.send(frame);
    }

    /**
     * Writes a control frame of {@code size} bytes (a pong, a keep-alive ping) inside the same backpressure accounting
     * as data: a peer that pings and never reads fills the queue and is paused, then dropped, like any slow reader.
     * Event loop only.
     */
    protected final void writeControl(int size, java.util.function.Supplier<Future<Void>> writer) {
        outbound.write(writer, size, new CompletableFuture<>());
    }

    @Override
    public void close(CloseCode code, String reason) {
        String safeReason = CloseReasons.truncate(reason == null ? code.defaultReason() : reason);
        onEventLoop(() -> closeGracefully(code.code(), safeReason));
    }

    // ------------------------------------------------------------------ for subclasses (event loop only)

    /** Runs {@code task} now if we are on the event loop, else queues it there. */
    protected final void onEventLoop(Runnable task) {
        if (Thread.currentThread() == eventLoop) {
            task.run();
        } else {
            context.runOnContext(v -> task.run());
        }
    }

    /** Binds the engine's handler, calls {@code onOpen} and starts the idle watchdog. */
    protected final void bind(ConnectionHandler connectionHandler) {
        if (!handler.open(connectionHandler)) {
            closeGracefully(CloseCode.INTERNAL_ERROR.code(), CloseCode.INTERNAL_ERROR.defaultReason());
        }
        if (closeProgress.isOpen()) {
            watchdog.start();
        }
    }

    /** A complete inbound frame. */
    protected final void deliver(Frame frame) {
        watchdog.activity();
        if (closeProgress.isOpen() && handler.bound() && !handler.frame(frame)) {
            closeGracefully(CloseCode.INTERNAL_ERROR.code(), CloseCode.INTERNAL_ERROR.defaultReason());
        }
    }

    /** Any sign of life from the peer (a partial frame, a fragment with data). */
    protected final void activity() {
        watchdog.activity();
    }

    /**
     * A frame that carries no data arrived (ping, pong, empty fragment); past the {@link NoopFrameLimit} the peer is
     * closed with 1008 "too many frames without data". Returns whether the connection is still open.
     */
    protected final boolean noop() {
        watchdog.activity();
        if (noopFrames.exceededBy(System.nanoTime()) && closeProgress.isOpen()) {
            log.info("{}: more than {} frames without data; closing", id, limits.maxNoopFrames());
            failInbound(CloseCode.POLICY_VIOLATION, NOOP_REASON);
            return false;
        }
        return closeProgress.isOpen();
    }

    /** The peer sent a close frame; the subclass answers it. */
    protected final void peerClosing(int code, String reason) {
        if (closeProgress.closedByPeer(code, reason)) {
            awaitSocketClose();
        }
    }

    /**
     * The peer broke a rule (oversized, invalid UTF-8, protocol): send a close frame with {@code code} and close the
     * socket without waiting for the peer's answer.
     */
    protected final void failInbound(CloseCode code, String reason) {
        log.debug("{}: closing with {} ({})", id, code.code(), reason);
        drop(code, reason);
    }

    /** Records a close we started outside {@link #close} (for example one the transport library sends itself). */
    protected final void markLocalClose(int code, String reason) {
        if (closeProgress.closeLocally(code, reason)) {
            awaitSocketClose();
        }
    }

    /**
     * Drops the peer at once with a best-effort close frame. The connection is over for the engine right away
     * ({@code onClosed}); the socket closes once the close frame is flushed, or, for a peer that does not read at
     * all, at the server's stalled-write timeout (the only way to cut a stuck socket with public Vert.x API).
     */
    protected final void drop(CloseCode code, String reason) {
        if (closeProgress.isClosed()) {
            return;
        }
        closeProgress.closeLocally(code.code(), reason);
        watchdog.stop();
        dropSocket(code.code(), reason);
        socketClosed();
    }

    /** The socket is gone: report {@code onClosed} exactly once. */
    protected final void socketClosed() {
        if (!closeProgress.socketGone()) {
            return;
        }
        watchdog.stop();
        outbound.stop();
        int code = closeProgress.code();
        String reason = closeProgress.reason();
        log.debug("{}: closed with {} {}", id, code, LogSafe.text(reason));
        handler.closed(code, reason);
        afterClose(code, reason);
        closedFuture.complete(null);
    }

    /** Called once, after {@code onClosed}, with the same code and reason; for connections not yet bound. */
    protected void afterClose(int code, String reason) {
    }

    protected final boolean closing() {
        return !closeProgress.isOpen();
    }

    // ------------------------------------------------------------------ internals

    private void closeGracefully(int code, String reason) {
        if (closeProgress.closeLocally(code, reason)) {
            awaitSocketClose();
            startCloseHandshake(code, reason);
        }
    }

    /** The close has started: the peer is no longer watched for silence, and has the closing timeout to finish. */
    private void awaitSocketClose() {
        watchdog.stop();
        closeProgress.armClosingTimer((code, reason) -> {
            log.debug("{}: close handshake timed out; dropping the socket", id);
            dropSocket(code, reason);
        });
    }

    private void sendKeepAlivePing() {
        if (closeProgress.isOpen()) {
            writeControl(PING_BYTES, this::writePing);
        }
    }

    private void idleExpired() {
        if (closeProgress.isOpen()) {
            log.debug("{}: no frame from the peer for {}; closing", id, limits.idleTimeout());
            drop(CloseCode.POLICY_VIOLATION, IDLE_REASON);
        }
    }

    @Override
    public String toString() {
        return id + "[" + remoteAddress + "]";
    }
}
