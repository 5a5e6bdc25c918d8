package dev.hivemind.engine.crypto;

import dev.hivemind.api.error.AuthenticationException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * A bounded cache of the nonces received in one session: a nonce seen before is a replayed frame
 * (SECURITY.md W6, T5). When full, the oldest nonce is forgotten first. Thread-safe.
 */
public final class ReplayGuard {
    /** Default number of remembered nonces. */
    public static final int DEFAULT_CAPACITY = 65_536;

    private final int capacity;
    private final Set<Key> seen = new HashSet<>();
    private final ArrayDeque<Key> order = new ArrayDeque<>();

    public ReplayGuard() {
        this(DEFAULT_CAPACITY);
    }

    public ReplayGuard(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    /**
     * Records a nonce, or rejects it if it was seen before.
     *
     * @throws AuthenticationException if the nonce is a repeat
     */
    public synchronized void check(byte[] nonce) {
        Key key = new Key(nonce.clone());
        if (!seen.add(key)) {
            throw new AuthenticationException("replayed nonce");
        }
        order.addLast(key);
        if (order.size() > capacity) {
            seen.remove(order.removeFirst());
        }
    }

    /** How many nonces are remembered. */
    public synchronized int size() {
        return seen.size();
    }

    public int capacity() {
        return capacity;
    }

    private static final class Key {
        private final byte[] bytes;
        private final int hash;

        Key(byte[] bytes) {
            this.bytes = bytes;
            this.hash = Arrays.hashCode(bytes);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(bytes, k.bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
