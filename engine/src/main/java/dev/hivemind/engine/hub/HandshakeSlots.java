package dev.hivemind.engine.hub;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The sessions still in their handshake, by address (SECURITY.md T27): at most {@code maxPerAddress} from one
 * address, and when all {@code maxTotal} slots are taken the <em>oldest</em> handshaking session makes room for the
 * newcomer (an honest client finishes in milliseconds; an idle flood is what grows old). Thread-safe.
 *
 * @param <S> the session type
 */
final class HandshakeSlots<S> {
    private final int maxTotal;
    private final int maxPerAddress;
    private final LinkedHashMap<S, String> slots = new LinkedHashMap<>();
    private final Map<String, Integer> perAddress = new HashMap<>();

    HandshakeSlots(int maxTotal, int maxPerAddress) {
        this.maxTotal = maxTotal;
        this.maxPerAddress = maxPerAddress;
    }

    /** Whether {@code address} already holds its share of handshaking sessions. */
    synchronized boolean addressFull(String address) {
        return perAddress.getOrDefault(address, 0) >= maxPerAddress;
    }

    /** Takes a slot for {@code session}; returns the oldest session to evict if the table was full. */
    synchronized Optional<S> take(S session, String address) {
        S evicted = null;
        if (slots.size() >= maxTotal) {
            evicted = slots.keySet().iterator().next();
            release(evicted);
        }
        slots.put(session, address);
        perAddress.merge(address, 1, Integer::sum);
        return Optional.ofNullable(evicted);
    }

    /** Frees the session's slot (established or closed). Idempotent. */
    synchronized void release(S session) {
        String address = slots.remove(session);
        if (address != null) {
            perAddress.computeIfPresent(address, (k, n) -> n <= 1 ? null : n - 1);
        }
    }

    synchronized int size() {
        return slots.size();
    }
}
