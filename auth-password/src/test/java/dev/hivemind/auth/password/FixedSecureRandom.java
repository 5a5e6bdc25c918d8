package dev.hivemind.auth.password;

import java.util.ArrayDeque;
import java.util.Deque;
import java.security.SecureRandom;

/**
 * A {@link SecureRandom} that hands out fixed byte strings, one per {@link #nextBytes} call, in order: the seam that
 * makes the handshake reproduce the Python vectors. Running out of chunks, or a chunk of the wrong size, is an error.
 */
final class FixedSecureRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;

    private final transient Deque<byte[]> chunks = new ArrayDeque<>();
    private int draws;

    FixedSecureRandom(byte[]... chunks) {
        for (byte[] chunk : chunks) {
            this.chunks.add(chunk.clone());
        }
    }

    @Override
    public synchronized void nextBytes(byte[] bytes) {
        byte[] next = chunks.poll();
        if (next == null) {
            throw new IllegalStateException("FixedSecureRandom has no more bytes");
        }
        if (next.length != bytes.length) {
            throw new IllegalStateException("asked for " + bytes.length + " bytes, the next chunk has " + next.length);
        }
        System.arraycopy(next, 0, bytes, 0, bytes.length);
        draws++;
    }

    /** How many times bytes were drawn. */
    synchronized int draws() {
        return draws;
    }
}
