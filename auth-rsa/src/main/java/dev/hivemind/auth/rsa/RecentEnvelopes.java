package dev.hivemind.auth.rsa;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the SHA-256 digests of the last {@code capacity} server envelopes this process accepted, so a
 * recorded envelope replayed by a man in the middle (which would reinstate an old session key, SECURITY.md W3)
 * is refused. In memory only: a restart forgets. Thread-safe.
 */
final class RecentEnvelopes {
    static final int DEFAULT_CAPACITY = 4096;

    private final Map<ByteBuffer, Boolean> seen;

    RecentEnvelopes(int capacity) {
        this.seen = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Whether {@code envelope} was accepted before (checked first, so a replay costs no RSA work). */
    synchronized boolean seenBefore(String envelope) {
        return seen.containsKey(digest(envelope));
    }

    /** Records an accepted {@code envelope}; {@code false} if it was recorded meanwhile (a concurrent replay). */
    synchronized boolean firstSight(String envelope) {
        return seen.putIfAbsent(digest(envelope), Boolean.TRUE) == null;
    }

    private static ByteBuffer digest(String envelope) {
        return ByteBuffer.wrap(Fingerprints.sha256(envelope.getBytes(StandardCharsets.UTF_8)));
    }
}
