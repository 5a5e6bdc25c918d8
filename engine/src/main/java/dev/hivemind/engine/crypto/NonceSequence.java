package dev.hivemind.engine.crypto;

import dev.hivemind.api.error.PolicyViolationException;
import dev.hivemind.api.wire.CipherSuite;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Unique nonces for one session key: a random 4-byte session tag, then an 8-byte big-endian message counter
 * (12 bytes, ChaCha20-Poly1305); AES-GCM's 16-byte nonce appends 4 more random session bytes. Receivers use
 * whatever nonce arrives, so this stays wire-compatible while ruling out the random-nonce collisions of the
 * Python sender (SECURITY.md W8).
 *
 * <p>After {@link #DEFAULT_MESSAGE_LIMIT} nonces the sequence refuses to continue: the session must run a new
 * handshake. {@link #isOwn} recognises nonces this sequence actually issued, to reject reflected frames (W7).
 * Thread-safe.
 */
public final class NonceSequence implements NonceSource {
    /** 2<sup>32</sup> messages per key, the NIST SP 800-38D budget. */
    public static final long DEFAULT_MESSAGE_LIMIT = 1L << 32;

    private static final int TAG_BYTES = 4;
    private static final int COUNTER_BYTES = 8;

    private final int nonceBytes;
    private final byte[] tag;
    private final byte[] suffix;
    private final long limit;
    private final AtomicLong counter = new AtomicLong();

    /** A sequence for {@code suite} with a fresh random session tag. */
    public NonceSequence(CipherSuite suite) {
        this(suite, new SecureRandom(), DEFAULT_MESSAGE_LIMIT);
    }

    /**
     * A sequence with an explicit random source and message limit.
     *
     * @param limit how many nonces may be issued (1 to {@link #DEFAULT_MESSAGE_LIMIT})
     */
    public NonceSequence(CipherSuite suite, SecureRandom random, long limit) {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(random, "random");
        if (limit <= 0 || limit > DEFAULT_MESSAGE_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and 2^32");
        }
        this.nonceBytes = suite.nonceBytes();
        this.tag = new byte[TAG_BYTES];
        this.suffix = new byte[nonceBytes - TAG_BYTES - COUNTER_BYTES];
        random.nextBytes(tag);
        random.nextBytes(suffix);
        this.limit = limit;
    }

    @Override
    public byte[] next() {
        long n = counter.getAndUpdate(c -> c < limit ? c + 1 : c);
        if (n >= limit) {
            throw new PolicyViolationException("key usage limit reached",
                    "this session key has encrypted " + limit + " messages; a new handshake is required");
        }
        byte[] nonce = new byte[nonceBytes];
        System.arraycopy(tag, 0, nonce, 0, TAG_BYTES);
        for (int i = 0; i < COUNTER_BYTES; i++) {
            nonce[TAG_BYTES + i] = (byte) (n >>> (8 * (COUNTER_BYTES - 1 - i)));
        }
        System.arraycopy(suffix, 0, nonce, TAG_BYTES + COUNTER_BYTES, suffix.length);
        return nonce;
    }

    @Override
    public boolean isOwn(byte[] nonce) {
        if (nonce == null || nonce.length != nonceBytes) {
            return false;
        }
        int diff = 0;
        for (int i = 0; i < TAG_BYTES; i++) {
            diff |= nonce[i] ^ tag[i];
        }
        for (int i = 0; i < suffix.length; i++) {
            diff |= nonce[TAG_BYTES + COUNTER_BYTES + i] ^ suffix[i];
        }
        long n = 0;
        for (int i = TAG_BYTES; i < TAG_BYTES + COUNTER_BYTES; i++) {
            n = n << 8 | (nonce[i] & 0xFF);
        }
        return diff == 0 && n >= 0 && n < counter.get();
    }

    /** How many nonces have been issued. */
    public long issued() {
        return counter.get();
    }
}
