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

    /** Records {@code envelope}; {@code false} if it was seen before (a replay). */
    synchronized boolean firstSight(String envelope) {
        ByteBuffer digest = ByteBuffer.wrap(Fingerprints.sha256(envelope.getBytes(StandardCharsets.US_ASCII)));
        return seen.putIfAbsent(digest, Boolean.TRUE) == null;
    }
}
