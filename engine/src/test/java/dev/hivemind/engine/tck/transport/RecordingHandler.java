package dev.hivemind.engine.tck.transport;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.hivemind.api.transport.Connection;
import dev.hivemind.api.transport.ConnectionHandler;
import dev.hivemind.api.transport.Frame;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real {@link ConnectionHandler} for transport tests: it records every callback, checks that they all arrive on
 * one thread and in a legal order, and optionally greets the peer on open and echoes every frame back.
 */
public final class RecordingHandler implements ConnectionHandler {
    /** Safety net for every wait; tests never rely on it elapsing. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Connection connection;
    private final boolean echo;
    private final Frame greeting;
    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<CloseEvent> closed = new CompletableFuture<>();
    private final CompletableFuture<Thread> executorThread = new CompletableFuture<>();
    private final AtomicInteger opens = new AtomicInteger();
    private final AtomicInteger closes = new AtomicInteger();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private volatile Thread callbackThread;

    /**
     * @param connection the connection this handler serves
     * @param echo       whether to send every received frame back
     * @param greeting   a frame to send from {@link #onOpen()} (as the engine sends HELLO), or {@code null}
     */
    public RecordingHandler(Connection connection, boolean echo, Frame greeting) {
        this.connection = connection;
        this.echo = echo;
        this.greeting = greeting;
    }

    /** A handler that only records (the usual client side). */
    public static RecordingHandler recorder(Connection connection) {
        return new RecordingHandler(connection, false, null);
    }

    @Override
    public void onOpen() {
        checkThread("onOpen");
        if (opens.incrementAndGet() != 1) {
            violations.add("onOpen called more than once");
        }
        connection.executor().execute(() -> executorThread.complete(Thread.currentThread()));
        if (greeting != null) {
            connection.send(greeting);
        }
    }

    @Override
    public void onFrame(Frame frame) {
        checkThread("onFrame");
        if (opens.get() == 0) {
            violations.add("onFrame before onOpen");
        }
        if (closes.get() > 0) {
            violations.add("onFrame after onClosed");
        }
        frames.add(frame);
        if (echo) {
            connection.send(frame);
        }
    }

    @Override
    public void onClosed(int code, String reason) {
        checkThread("onClosed");
        if (reason == null) {
            violations.add("onClosed with a null reason");
        }
        if (closes.incrementAndGet() != 1) {
            violations.add("onClosed called " + closes.get() + " times");
        }
        closed.complete(new CloseEvent(code, reason == null ? "" : reason));
    }

    private void checkThread(String callback) {
        Thread current = Thread.currentThread();
        Thread first = callbackThread;
        if (first == null) {
            callbackThread = current;
        } else if (first != current) {
            violations.add(callback + " on " + current.getName() + " but earlier callbacks ran on " + first.getName());
        }
    }

    /** The connection this handler serves. */
    public Connection connection() {
        return connection;
    }

    /** The next received frame; fails the test if none arrives in time. */
    public Frame nextFrame() {
        try {
            Frame f = frames.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            assertNotNull(f, "no frame arrived within " + TIMEOUT);
            return f;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The next received frame's text; fails if it is not a text frame. */
    public String nextText() {
        Frame f = nextFrame();
        if (f instanceof Frame.Text t) {
            return t.text();
        }
        throw new AssertionError("expected a text frame, got " + f);
    }

    /** Frames received and not yet taken. */
    public int pendingFrames() {
        return frames.size();
    }

    /** Waits for {@code onClosed}; fails the test if it does not come in time. */
    public CloseEvent awaitClose() {
        try {
            return closed.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("onClosed was not called within " + TIMEOUT + " on " + connection.id(), e);
        }
    }

    /** Completes with the close event. */
    public CompletableFuture<CloseEvent> closed() {
        return closed;
    }

    /** The thread that ran a task submitted to {@link Connection#executor()} from {@code onOpen}. */
    public Thread executorThread() {
        try {
            return executorThread.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("the connection executor did not run a task", e);
        }
    }

    /** The thread the callbacks ran on, or {@code null} before the first. */
    public Thread callbackThread() {
        return callbackThread;
    }

    public int openCount() {
        return opens.get();
    }

    public int closeCount() {
        return closes.get();
    }

    /** Contract violations seen so far (callbacks on several threads, frames after close, repeated close...). */
    public List<String> violations() {
        return List.copyOf(violations);
    }
}
