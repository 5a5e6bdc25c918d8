package dev.hivemind.engine.tck;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A {@link SecureRandom} that hands out scripted bytes first (to reproduce recorded vectors), then falls back to real
 * randomness. A real class for a test seam, not a mock.
 */
public final class FixedRandom extends SecureRandom {
    private final Deque<byte[]> scripted = new ArrayDeque<>();
    private final SecureRandom fallback = new SecureRandom();

    /** Queues byte strings handed out, in order, by the next {@link #nextBytes} calls of the same length. */
    public synchronized FixedRandom then(byte[] bytes) {
        scripted.add(bytes.clone());
        return this;
    }

    @Override
    public synchronized void nextBytes(byte[] bytes) {
        byte[] next = scripted.peek();
        if (next != null && next.length == bytes.length) {
            scripted.poll();
            System.arraycopy(next, 0, bytes, 0, bytes.length);
            return;
        }
        fallback.nextBytes(bytes);
    }

    /** Scripted byte strings not consumed yet. */
    public synchronized int remaining() {
        return scripted.size();
    }
}
