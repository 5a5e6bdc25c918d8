package dev.hivemind.transport.vertx;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;

/**
 * The connections a server holds that are not yet admitted (TCP: no AUTH decided; WebSocket: no upgrade accepted),
 * so that an idle flood cannot fill admission (SECURITY.md T26, T27): each is closed at the admission deadline; one
 * address holds at most {@code maxPerAddress}; and when all {@code maxTotal} places are taken the oldest pending
 * connection is closed to make room for the newcomer (an honest client is admitted within milliseconds, so what grows
 * old is the flood). Thread-safe; expiry and eviction run on the evicted connection's own context.
 */
public final class PendingConnections {
    /** One pending connection's place; {@link #release()} frees it (admitted or closed). */
    public final class Slot {
        private final String address;
        private final Context context;
        private final Runnable onExpiry;
        private final Runnable onEviction;
        private long timer = -1;

        private Slot(String address, Context context, Runnable onExpiry, Runnable onEviction) {
            this.address = address;
            this.context = context;
            this.onExpiry = onExpiry;
            this.onEviction = onEviction;
        }

        /** Frees the place and cancels the deadline. Idempotent; safe from any thread. */
        public void release() {
            if (remove(this) && timer >= 0) {
                vertx.cancelTimer(timer);
            }
        }
    }

    private final Vertx vertx;
    private final int maxTotal;
    private final int maxPerAddress;
    private final Duration deadline;
    private final LinkedHashSet<Slot> slots = new LinkedHashSet<>();
    private final Map<String, Integer> perAddress = new HashMap<>();

    public PendingConnections(Vertx vertx, int maxTotal, int maxPerAddress, Duration deadline) {
        this.vertx = vertx;
        this.maxTotal = maxTotal;
        this.maxPerAddress = maxPerAddress;
        this.deadline = deadline;
    }

    /**
     * Takes a place for a new connection from {@code remote}; call on the connection's context.
     *
     * @param onExpiry   closes the connection when the deadline passes first
     * @param onEviction closes the connection when a newcomer needs its place
     * @return the place, or empty if {@code remote}'s address already holds its share (refuse the connection)
     */
    public Optional<Slot> take(InetSocketAddress remote, Runnable onExpiry, Runnable onEviction) {
        String address = addressOf(remote);
        Slot slot = new Slot(address, Vertx.currentContext(), onExpiry, onEviction);
        Slot evicted = null;
        synchronized (this) {
            if (perAddress.getOrDefault(address, 0) >= maxPerAddress) {
                return Optional.empty();
            }
            if (slots.size() >= maxTotal) {
                evicted = slots.iterator().next();
                removeLocked(evicted);
            }
            slots.add(slot);
            perAddress.merge(address, 1, Integer::sum);
        }
        if (evicted != null) {
            Slot e = evicted;
            if (e.timer >= 0) {
                vertx.cancelTimer(e.timer);
            }
            e.context.runOnContext(v -> e.onEviction.run());
        }
        slot.timer = vertx.setTimer(Math.max(1, deadline.toMillis()), t -> {
            if (remove(slot)) {
                slot.onExpiry.run();
            }
        });
        return Optional.of(slot);
    }

    /** Connections pending now. */
    public synchronized int size() {
        return slots.size();
    }

    /** The address a connection counts under: its IP address (an IPv6 one by its /64 prefix). */
    static String addressOf(InetSocketAddress remote) {
        if (remote == null) {
            return "unknown";
        }
        InetAddress a = remote.getAddress();
        if (a == null) {
            return remote.getHostString();
        }
        byte[] b = a.getAddress();
        if (b.length == 16 && !isMappedV4(b)) {
            return java.util.HexFormat.of().formatHex(b, 0, 8) + "/64";
        }
        return b.length == 16 ? (b[12] & 0xff) + "." + (b[13] & 0xff) + "." + (b[14] & 0xff) + "." + (b[15] & 0xff)
                : a.getHostAddress();
    }

    private static boolean isMappedV4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }

    private synchronized boolean remove(Slot slot) {
        if (!slots.contains(slot)) {
            return false;
        }
        removeLocked(slot);
        return true;
    }

    private void removeLocked(Slot slot) {
        slots.remove(slot);
        perAddress.computeIfPresent(slot.address, (k, n) -> n <= 1 ? null : n - 1);
    }
}
