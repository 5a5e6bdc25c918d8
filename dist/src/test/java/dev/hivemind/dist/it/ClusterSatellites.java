package dev.hivemind.dist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.transport.ClientEndpoint;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.JsonValues;
import dev.hivemind.api.wire.MessageType;
import dev.hivemind.auth.password.PasswordClientAuthFactory;
import dev.hivemind.engine.client.HiveMindClient;
import dev.hivemind.engine.client.HiveMindConnection;
import dev.hivemind.engine.client.HubFailover;
import dev.hivemind.engine.codec.json.HiveMessageCodec;
import dev.hivemind.engine.session.ClientOptions;
import dev.hivemind.engine.tck.Inboxes;
import dev.hivemind.engine.tck.EngineFixtures;
import dev.hivemind.engine.time.SystemScheduler;
import dev.hivemind.transport.websocket.WebSocketTransportFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** Satellites of the cluster test, in the test's JVM: password handshakes over WebSocket, and what they receive. */
final class ClusterSatellites implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final HiveMessageCodec CODEC = EngineFixtures.messages();
    private static final AtomicInteger MARKERS = new AtomicInteger();

    private final SystemScheduler scheduler = new SystemScheduler();
    private final List<HiveMindClient> clients = new ArrayList<>();

    private HiveMindClient client(AddedClient credentials, ClientOptions options) {
        HiveMindClient c = HiveMindClient.create(new WebSocketTransportFactory(),
                List.of(new PasswordClientAuthFactory()), new ClientCredentials(credentials.accessKey(),
                        credentials.password(), null, Map.of()), options.withHandshakeTimeout(Duration.ofSeconds(15)));
        clients.add(c);
        return c;
    }

    HiveMindConnection connect(String url, AddedClient credentials, ClientOptions options) throws Exception {
        return client(credentials, options).connect(endpoint(url)).toCompletableFuture()
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** A satellite that knows every node: it tries them in the order given, then again after 200 ms, 400 ms, ... */
    HubFailover failover(AddedClient credentials, ClientOptions options, String... urls) {
        return new HubFailover(client(credentials, options), List.of(urls).stream().map(ClusterSatellites::endpoint)
                .toList(), scheduler, Duration.ofMillis(200), Duration.ofSeconds(2), 1);
    }

    /** How the hub at {@code url} refuses these credentials. */
    Throwable refusal(String url, AddedClient credentials) throws Exception {
        try {
            HiveMindConnection c = connect(url, credentials, ClientOptions.defaults());
            c.close();
            throw new AssertionError("refused credentials were accepted at " + url);
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    static ClientEndpoint endpoint(String url) {
        return ClientEndpoint.parse(url, 5678);
    }

    /**
     * A BROADCAST from {@code admin} reached each of {@code others}: every node serves its satellites. (The nodes'
     * directories learn of each other's peers asynchronously; on loopback within milliseconds, so a short pause
     * follows before lookups by key or site.)
     */
    static void awaitEveryone(HiveMindConnection admin, List<HiveMindConnection> others) throws Exception {
        String marker = "marker-" + MARKERS.incrementAndGet();
        admin.send(CODEC.wrap(MessageType.BROADCAST, speak(marker)));
        expectOnce(others, marker);
        Thread.sleep(300);
    }

    /** Each of {@code receivers} gets {@code text} next. */
    static void expectOnce(List<HiveMindConnection> receivers, String text) throws Exception {
        for (HiveMindConnection r : receivers) {
            assertEquals(text, text(next(r, m -> m.type() == MessageType.BUS, "'" + text + "'")));
        }
    }

    /**
     * Nothing is still on its way to anyone: a new BROADCAST from {@code admin} is the next thing every other satellite
     * receives, and a PROPAGATE from another the next thing {@code admin} receives.
     */
    static void expectNothingMore(List<HiveMindConnection> all, HiveMindConnection admin) throws Exception {
        List<HiveMindConnection> others = all.stream().filter(c -> c != admin).toList();
        String marker = "marker-" + MARKERS.incrementAndGet();
        admin.send(CODEC.wrap(MessageType.BROADCAST, speak(marker)));
        for (HiveMindConnection o : others) {
            assertEquals(marker, text(next(o, m -> true, "the marker " + marker + " and nothing before it")));
        }
        String back = "marker-" + MARKERS.incrementAndGet();
        // a satellite may relay only what it may send itself (allowed_types): an utterance, not a speak
        others.get(0).send(CODEC.wrap(MessageType.PROPAGATE, utterance(back)));
        assertEquals(back, text(next(admin, m -> true, "the marker " + back + " and nothing before it")));
        expectOnce(others.subList(1, others.size()), back);
    }

    static HiveMessage next(HiveMindConnection c, Predicate<HiveMessage> match, String what) throws Exception {
        return Inboxes.next(c, match, what, WAIT);
    }

    static String text(HiveMessage m) {
        Object data = m.payload().get("data");
        Object u = data instanceof Map<?, ?> d ? d.get("utterance") : null;
        Object us = data instanceof Map<?, ?> d ? d.get("utterances") : null;
        return u instanceof String s ? s : us instanceof List<?> l && !l.isEmpty() ? String.valueOf(l.get(0))
                : String.valueOf(m.payload());
    }

    static HiveMessage utterance(String text) {
        return HiveMessage.bus("recognizer_loop:utterance", JsonValues.object("utterances", List.of(text)),
                JsonValues.object("session", JsonValues.object("session_id", "it-session")));
    }

    static HiveMessage speak(String text) {
        return HiveMessage.bus("speak", JsonValues.object("utterance", text), JsonValues.object());
    }

    @Override
    public void close() {
        clients.forEach(HiveMindClient::close);
        scheduler.close();
    }
}
