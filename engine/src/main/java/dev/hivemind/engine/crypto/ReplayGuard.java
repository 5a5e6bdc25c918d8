package dev.hivemind.engine.crypto;

import dev.hivemind.api.error.AuthenticationException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Rejects a nonce received before in one session (SECURITY.md W6, T5), in small, bounded memory. Checked only for
 * frames whose tag verified, so every nonce it sees came from the peer.
 * <ul>
 *   <li>A peer that numbers its nonces as {@link NonceSequence} does (4-byte session tag, 8-byte counter, AES-GCM's
 *       4 more session bytes) is checked against a sliding window of {@value #WINDOW_BITS} counters, as IPsec and
 *       DTLS do: a counter already seen, or older than the window, is refused. 32 bytes, whatever the session's
 *       length. The peer's tag is taken from its first nonce.</li>
 *   <li>Any other nonce (Python peers draw random ones) is remembered as a 64-bit fingerprint in a ring of at most
 *       {@code capacity} entries, grown on demand from {@value #INITIAL_FINGERPRINTS}: 8 bytes per remembered nonce.
 *       Replaying a frame older than the last {@code capacity} random nonces is not detected (docs/SECURITY.md).</li>
 * </ul>
 * Thread-safe.
 */
public final class ReplayGuard {
    /** Default number of random-nonce fingerprints remembered (8 KiB at most per session). */
    public static final int DEFAULT_CAPACITY = 1024;
    /** The largest configurable capacity. */
    public static final int MAX_FINGERPRINTS = 16_384;
    /** Counters the sliding window covers. */
    public static final int WINDOW_BITS = 192;

    static final int INITIAL_FINGERPRINTS = 16;
    private static final int BLOCKS = WINDOW_BITS / 64 + 1;
    private static final int TAG_BYTES = 4;
    private static final int COUNTER_END = 12;

    private final int capacity;
    private final long[] window = new long[BLOCKS];
    private boolean counterForm;
    private boolean decided;
    private int peerTag;
    private int peerSuffix;
    private long highest = -1;
    private long[] ring;
    private int ringSize;
    private int ringNext;

    public ReplayGuard() {
        this(DEFAULT_CAPACITY);
    }

    /** @param capacity random-nonce fingerprints remembered, 1 to {@value #MAX_FINGERPRINTS} */
    public ReplayGuard(int capacity) {
        if (capacity <= 0 || capacity > MAX_FINGERPRINTS) {
            throw new IllegalArgumentException("capacity must be between 1 and " + MAX_FINGERPRINTS);
        }
        this.capacity = capacity;
    }

    /**
     * Records a nonce, or rejects it if it was seen before (or, for counter nonces, is older than the window).
     *
     * @throws AuthenticationException if the nonce is a repeat
     */
    public synchronized void check(byte[] nonce) {
        if (!decided) {
            decided = true;
            counterForm = isCounterForm(nonce) && counter(nonce) >= 0
                    && counter(nonce) < NonceSequence.DEFAULT_MESSAGE_LIMIT;
            if (counterForm) {
                peerTag = ByteBuffer.wrap(nonce).getInt(0);
                peerSuffix = suffix(nonce);
            }
        }
        if (counterForm && isCounterForm(nonce) && ByteBuffer.wrap(nonce).getInt(0) == peerTag
                && suffix(nonce) == peerSuffix && counter(nonce) >= 0) {
            checkCounter(counter(nonce));
        } else {
            checkFingerprint(fingerprint(nonce));
        }
    }

    /** Random-nonce fingerprints remembered. */
    public synchronized int size() {
        return ringSize;
    }

    public int capacity() {
        return capacity;
    }

    private void checkCounter(long counter) {
        if (counter > highest) {
            long from = highest < 0 ? -1 : highest >>> 6;
            long to = counter >>> 6;
            for (long b = from + 1; b <= to && b <= from + BLOCKS; b++) {
                window[(int) Math.floorMod(b, (long) BLOCKS)] = 0;
            }
            highest = counter;
        } else if (highest - counter >= WINDOW_BITS) {
            throw new AuthenticationException("replayed nonce (counter older than the replay window)");
        }
        int block = (int) Math.floorMod(counter >>> 6, (long) BLOCKS);
        long bit = 1L << (counter & 63);
        if ((window[block] & bit) != 0) {
            throw new AuthenticationException("replayed nonce");
        }
        window[block] |= bit;
    }

    private void checkFingerprint(long f) {
        if (ring != null) {
            for (int i = 0; i < ringSize; i++) {
                if (ring[i] == f) {
                    throw new AuthenticationException("replayed nonce");
                }
            }
        }
        if (ring == null) {
            ring = new long[Math.min(capacity, INITIAL_FINGERPRINTS)];
        } else if (ringSize == ring.length && ring.length < capacity) {
            ring = Arrays.copyOf(ring, Math.min(capacity, ring.length * 2));
        }
        ring[ringNext] = f;
        ringNext = (ringNext + 1) % ring.length;
        ringSize = Math.min(ringSize + 1, ring.length);
    }

    private static boolean isCounterForm(byte[] nonce) {
        return nonce.length == 12 || nonce.length == 16;
    }

    private static long counter(byte[] nonce) {
        return ByteBuffer.wrap(nonce).getLong(TAG_BYTES);
    }

    private static int suffix(byte[] nonce) {
        return nonce.length > COUNTER_END ? ByteBuffer.wrap(nonce).getInt(COUNTER_END) : 0;
    }

    /** A 64-bit fingerprint of the whole nonce (murmur3's finaliser over its 8-byte words). */
    static long fingerprint(byte[] nonce) {
        long h = 0x9E3779B97F4A7C15L ^ nonce.length;
        for (int i = 0; i < nonce.length; i += 8) {
            long word = 0;
            for (int j = i; j < Math.min(i + 8, nonce.length); j++) {
                word = (word << 8) | (nonce[j] & 0xff);
            }
            h = mix(h ^ word) + 0x632BE59BD9B4E019L;
        }
        return mix(h);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
