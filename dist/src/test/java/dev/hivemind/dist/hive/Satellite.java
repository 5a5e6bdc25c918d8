package dev.hivemind.dist.hive;

import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.engine.client.HiveMindClient;
import dev.hivemind.engine.client.HiveMindConnection;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** A satellite of the test hive: its connection, its INTERCOM key pair, and waiting for what it receives. */
final class Satellite implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(20);

    final String name;
    final HiveMindConnection connection;
    final KeyPair keys;
    private final HiveMindClient client;

    Satellite(String name, HiveMindClient client, HiveMindConnection connection, KeyPair keys) {
        this.name = name;
        this.client = client;
        this.connection = connection;
        this.keys = keys;
    }

    void send(HiveMessage m) {
        connection.send(m);
    }

    /** The first message that matches (others are skipped: PING answers and the like). */
    HiveMessage await(Predicate<HiveMessage> match, String what) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            HiveMessage m = connection.poll(Duration.ofMillis(200)).orElse(null);
            if (m != null && match.test(m)) {
                return m;
            }
        }
        throw new AssertionError(name + " never received " + what);
    }

    /** Everything received before the first message that matches {@code marker}. */
    List<HiveMessage> before(Predicate<HiveMessage> marker, String what) throws InterruptedException {
        List<HiveMessage> seen = new ArrayList<>();
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            HiveMessage m = connection.poll(Duration.ofMillis(200)).orElse(null);
            if (m == null) {
                continue;
            }
            if (marker.test(m)) {
                return seen;
            }
            seen.add(m);
        }
        throw new AssertionError(name + " never received " + what + "; received " + seen);
    }

    /** Drops whatever is waiting. */
    void drain() throws InterruptedException {
        while (connection.poll(Duration.ofMillis(50)).isPresent()) {
            // discard
        }
    }

    static String utterance(HiveMessage m) {
        return m.payload().get("data") instanceof Map<?, ?> d && d.get("utterances") instanceof List<?> u
                && !u.isEmpty() ? String.valueOf(u.get(0))
                : m.payload().get("data") instanceof Map<?, ?> d2 && d2.get("utterance") instanceof String s ? s : null;
    }

    @Override
    public void close() {
        connection.close();
        client.close();
    }
}
