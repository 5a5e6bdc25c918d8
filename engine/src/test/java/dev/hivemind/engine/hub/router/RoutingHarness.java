package dev.hivemind.engine.hub.router;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.engine.client.HiveMindConnection;
import dev.hivemind.engine.session.ClientOptions;
import dev.hivemind.engine.tck.HubHarness;
import dev.hivemind.engine.testplugin.TokenClientAuthFactory;
import dev.hivemind.engine.testplugin.TokenServerAuthFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/** Satellites on a {@link HubHarness} hub (token auth), with helpers to await what they receive. */
final class RoutingHarness {
    static final Duration WAIT = Duration.ofSeconds(10);

    private RoutingHarness() {
    }

    /** Connects and waits until the hub has registered the peer (its HELLO may still be on the way). */
    static HiveMindConnection connect(HubHarness h, Path dir, ClientRecord client, ClientOptions options)
            throws Exception {
        HiveMindConnection c = h.connect(h.client(List.of(new TokenClientAuthFactory()),
                new ClientCredentials(client.apiKey(), null, null, Map.of("token", client.password())), options, dir,
                Map.of()));
        long end = System.nanoTime() + WAIT.toNanos();
        while (h.hub().router().directory().peers().stream().noneMatch(p -> p.peerId().endsWith(c.sessionId()))) {
            if (System.nanoTime() > end) {
                throw new AssertionError("the hub never registered " + client);
            }
            Thread.sleep(2);
        }
        return c;
    }

    /** The next message, which must match. */
    static HiveMessage next(HiveMindConnection c, Predicate<HiveMessage> match, String what) throws Exception {
        HiveMessage m = c.poll(WAIT).orElseThrow(() -> new AssertionError("nothing received, expected " + what));
        if (!match.test(m)) {
            throw new AssertionError("expected " + what + ", received " + m + " " + m.payload());
        }
        return m;
    }

    /** The OVOS type of a BUS message, or null. */
    static String busType(HiveMessage m) {
        return m.payload().get("type") instanceof String t ? t : null;
    }

    /** The first utterance of a BUS message's data, or null. */
    static String utteranceOf(HiveMessage m) {
        return m.payload().get("data") instanceof Map<?, ?> d && d.get("utterances") instanceof List<?> u
                && !u.isEmpty() ? String.valueOf(u.get(0)) : null;
    }

    /** Waits until a counter reaches a value (the hub has processed a message). */
    static void awaitCount(LongSupplier counter, long value) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (counter.getAsLong() < value && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertEquals(value, counter.getAsLong());
    }
}
