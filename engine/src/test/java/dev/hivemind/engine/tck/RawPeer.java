package dev.hivemind.engine.tck;

import dev.hivemind.api.transport.Connection;
import dev.hivemind.api.transport.ConnectionHandler;
import dev.hivemind.api.transport.Frame;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A hand-driven peer for adversarial tests: it records every frame it receives and how the connection ended, and
 * the test sends whatever frames it likes through {@link #connection()}.
 */
public final class RawPeer implements ConnectionHandler {
    /** How long a test waits for something that must happen (a safety net, not a timing assertion). */
    public static final Duration WAIT = Duration.ofSeconds(10);

    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<int[]> closeCode = new CompletableFuture<>();
    private final CompletableFuture<String> closeReason = new CompletableFuture<>();
    private volatile Connection connection;

    /** Handler factory for a transport client's connect. */
    public ConnectionHandler bind(Connection c) {
        this.connection = c;
        return this;
    }

    public Connection connection() {
        return connection;
    }

    @Override
    public void onFrame(Frame frame) {
        frames.add(frame);
    }

    @Override
    public void onClosed(int code, String reason) {
        closeReason.complete(reason);
        closeCode.complete(new int[] {code});
    }

    /** The next frame received; fails the test if none arrives in time. */
    public Frame next() throws InterruptedException {
        Frame f = frames.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (f == null) {
            throw new AssertionError("no frame received within " + WAIT.toSeconds() + " s");
        }
        return f;
    }

    /** The next text frame. */
    public String nextText() throws InterruptedException {
        Frame f = next();
        if (!(f instanceof Frame.Text t)) {
            throw new AssertionError("expected a text frame, got " + f);
        }
        return t.text();
    }

    /** Frames received and not read yet. */
    public int buffered() {
        return frames.size();
    }

    /** The close code the connection ended with (waits for it). */
    public int awaitCloseCode() throws Exception {
        return closeCode.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)[0];
    }

    /** The close reason (waits for it). */
    public String awaitCloseReason() throws Exception {
        return closeReason.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isClosed() {
        return closeCode.isDone();
    }
}
