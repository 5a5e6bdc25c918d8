package dev.hivemind.engine.tck.memory;

import dev.hivemind.api.error.CloseCode;
import dev.hivemind.api.error.ConnectionClosedException;
import dev.hivemind.api.transport.Connection;
import dev.hivemind.api.transport.ConnectionHandler;
import dev.hivemind.api.transport.Frame;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One end of an in-memory connection. Frames sent here are delivered, in order, to the peer end's handler on the
 * peer's own serial executor; closing delivers exactly one {@code onClosed} to each end.
 */
public final class MemoryConnection implements Connection {
    private static final AtomicInteger IDS = new AtomicInteger();

    private final String id;
    private final SerialExecutor executor;
    private final InetSocketAddress remote;
    private final int maxFrameBytes;
    private final java.util.function.BiFunction<MemoryConnection, Frame, Frame> tap;
    private MemoryConnection peer;
    private volatile ConnectionHandler handler;
    private volatile boolean open = true;
    private boolean closeDelivered;
    private volatile int closeCode = -1;

    MemoryConnection(String side, Executor pool, InetSocketAddress remote, int maxFrameBytes,
            java.util.function.BiFunction<MemoryConnection, Frame, Frame> tap) {
        this.id = "mem-" + side + "-" + IDS.incrementAndGet();
        this.executor = new SerialExecutor(pool);
        this.remote = remote;
        this.maxFrameBytes = maxFrameBytes;
        this.tap = tap;
    }

    static void pair(MemoryConnection a, MemoryConnection b) {
        a.peer = b;
        b.peer = a;
    }

    void bind(ConnectionHandler h) {
        this.handler = h;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String transport() {
        return "memory";
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public Executor executor() {
        return executor;
    }

    @Override
    public CompletionStage<Void> send(Frame frame) {
        if (!open) {
            return CompletableFuture.failedFuture(new ConnectionClosedException(closeCode, "connection closed"));
        }
        if (frame.size() > maxFrameBytes) {
            close(CloseCode.MESSAGE_TOO_BIG, "message too big");
            return CompletableFuture.failedFuture(new ConnectionClosedException(1009, "message too big"));
        }
        Frame delivered = tap.apply(this, frame);
        MemoryConnection p = peer;
        p.executor.execute(() -> {
            if (p.open && p.handler != null) {
                p.handler.onFrame(delivered);
            }
        });
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean writeQueueFull() {
        return false;
    }

    @Override
    public void close(CloseCode code, String reason) {
        closeWith(code.code(), reason);
    }

    /** Drops the connection without a close frame: both ends see 1006. */
    public void abort() {
        closeWith(1006, "");
    }

    private void closeWith(int code, String reason) {
        if (!open) {
            return;
        }
        open = false;
        closeCode = code;
        deliverClose(code, reason);
        MemoryConnection p = peer;
        if (p != null && p.open) {
            p.open = false;
            p.closeCode = code;
            p.deliverClose(code, reason);
        }
    }

    private void deliverClose(int code, String reason) {
        executor.execute(() -> {
            if (!closeDelivered && handler != null) {
                closeDelivered = true;
                handler.onClosed(code, reason == null ? "" : reason);
            }
        });
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    /** The code this end was closed with, or -1 while open. */
    public int closeCode() {
        return closeCode;
    }

    /** The other end. */
    public MemoryConnection peer() {
        return peer;
    }
}
