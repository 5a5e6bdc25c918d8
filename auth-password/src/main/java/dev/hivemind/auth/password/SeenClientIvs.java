package dev.hivemind.auth.password;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The IVs of the password envelopes each client recently authenticated with (SECURITY.md W3, T17). An honest client
 * draws a fresh random 8-byte IV for every handshake, so an IV seen again for the same client is a replayed envelope
 * (its length or letter case changed or not): it is refused before any key derivation. Bounded: the last
 * {@value #PER_CLIENT} IVs per client, for the {@value #MAX_CLIENTS} most recently active clients (a ring of 8-byte
 * values each, about 1 KiB per client). A replayer who recorded more envelopes than that is held by the hub's
 * key-derivation budget instead. Thread-safe.
 */
final class SeenClientIvs {
    static final int PER_CLIENT = 128;
    static final int MAX_CLIENTS = 4096;

    private final Map<Integer, long[]> rings = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, long[]> eldest) {
            return size() > MAX_CLIENTS;
        }
    };

    /** Records {@code iv} for the client; {@code false} if the client used it before (a replay). */
    synchronized boolean firstSight(int clientId, byte[] iv) {
        long value = ByteBuffer.wrap(iv).getLong();
        // slot 0 holds the count of IVs recorded; the ring is slots 1..PER_CLIENT
        long[] ring = rings.computeIfAbsent(clientId, k -> new long[PER_CLIENT + 1]);
        int stored = (int) Math.min(ring[0], PER_CLIENT);
        for (int i = 1; i <= stored; i++) {
            if (ring[i] == value) {
                return false;
            }
        }
        ring[1 + (int) (ring[0] % PER_CLIENT)] = value;
        ring[0]++;
        return true;
    }
}
