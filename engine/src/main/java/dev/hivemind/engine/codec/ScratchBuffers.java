package dev.hivemind.engine.codec;

import java.util.Arrays;

/**
 * Per-thread working buffers of the message path (serialised plaintext, sealed bytes, frame text), so that sealing a
 * message allocates little more than the frame it returns. A buffer is only ever used within one call on one
 * thread and never escapes it; callers zero the plaintext regions they used. Buffers grow on demand up to
 * {@value #MAX_RETAINED_BYTES} bytes each; a larger message gets a one-off array that is not kept.
 */
public final class ScratchBuffers {
    /** The largest buffer a thread keeps between calls. */
    public static final int MAX_RETAINED_BYTES = 256 * 1024;

    private static final ThreadLocal<ScratchBuffers> LOCAL = ThreadLocal.withInitial(ScratchBuffers::new);

    private static final int PLAINTEXT = 0;
    private static final int SEALED = 1;
    private static final int TEXT = 2;

    private final byte[][] buffers = {new byte[1024], new byte[1024], new byte[2048]};
    private StringBuilder chars = new StringBuilder(1024);

    private ScratchBuffers() {
    }

    /** This thread's buffers. */
    public static ScratchBuffers get() {
        return LOCAL.get();
    }

    /** A buffer of at least {@code min} bytes for serialised plaintext. */
    public byte[] plaintext(int min) {
        return buffer(PLAINTEXT, min);
    }

    /** A buffer of at least {@code min} bytes for ciphertext. */
    public byte[] sealed(int min) {
        return buffer(SEALED, min);
    }

    /** A buffer of at least {@code min} bytes for ASCII frame text. */
    public byte[] text(int min) {
        return buffer(TEXT, min);
    }

    private byte[] buffer(int slot, int min) {
        byte[] current = buffers[slot];
        if (current.length >= min) {
            return current;
        }
        long n = Math.max((long) current.length * 2, min);
        byte[] b = new byte[(int) Math.min(n, Integer.MAX_VALUE - 16)];
        if (b.length <= MAX_RETAINED_BYTES) {
            buffers[slot] = b;
        }
        return b;
    }

    /** An empty builder for JSON text; hand it back with {@link #release(StringBuilder)}. */
    public StringBuilder chars() {
        chars.setLength(0);
        return chars;
    }

    /** Overwrites what the builder held (it may be plaintext) and drops it if it grew too large. */
    public void release(StringBuilder used) {
        int n = used.length();
        used.setLength(0);
        used.setLength(n); // setLength fills the new characters with '\0'
        used.setLength(0);
        if (used == chars && used.capacity() > MAX_RETAINED_BYTES) {
            chars = new StringBuilder(1024);
        }
    }

    /** Zeroes {@code buffer[0, length)}. */
    public static void wipe(byte[] buffer, int length) {
        Arrays.fill(buffer, 0, length, (byte) 0);
    }
}
