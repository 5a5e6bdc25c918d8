package dev.hivemind.cluster.hazelcast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hivemind.api.agent.PeerInfo;
import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.transport.ClientEndpoint;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.JsonValues;
import dev.hivemind.engine.client.HiveMindClient;
import dev.hivemind.engine.client.HiveMindConnection;
import dev.hivemind.engine.hub.router.RouterDirectory;
import dev.hivemind.engine.session.ClientOptions;
import dev.hivemind.engine.tck.Inboxes;
import dev.hivemind.engine.testplugin.TokenClientAuthFactory;
import dev.hivemind.transport.websocket.WebSocketTransportFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Satellites (token auth, WebSocket) for the cluster tests, and what they receive. */
final class Satellites implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(15);

    private final List<HiveMindClient> clients = new ArrayList<>();

    HiveMindClient client(ClientRecord record, ClientOptions options) {
        HiveMindClient c = HiveMindClient.create(new WebSocketTransportFactory(), List.of(new TokenClientAuthFactory()),
                new ClientCredentials(record.apiKey(), null, null, Map.of("token", record.password())), options);
        synchronized (clients) {
            clients.add(c);
        }
        return c;
    }

    /** Connects to {@code url} and waits until every directory given lists the new peer. */
    HiveMindConnection connect(String url, ClientRecord record, ClientOptions options, RouterDirectory... directories)
            throws Exception {
        HiveMindConnection c = client(record, options).connect(endpoint(url)).toCompletableFuture()
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        for (RouterDirectory d : directories) {
            awaitPeer(d, c.sessionId());
        }
        return c;
    }

    static ClientEndpoint endpoint(String url) {
        return ClientEndpoint.parse(url, 5678);
    }

    /** The peer whose session id is {@code sessionId}, once {@code directory} lists it. */
    static PeerInfo awaitPeer(RouterDirectory directory, String sessionId) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            for (PeerInfo p : directory.peers()) {
                if (p.peerId().endsWith(sessionId)) {
                    return p;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no peer with session " + sessionId + " in the directory");
    }

    /** The next message, which must match. */
    static HiveMessage next(HiveMindConnection c, Predicate<HiveMessage> match, String what) throws Exception {
        return Inboxes.next(c, match, what, WAIT);
    }

    /** The utterance or spoken text of a BUS message. */
    static String text(HiveMessage m) {
        Map<?, ?> data = (Map<?, ?>) m.payload().get("data");
        Object u = data.get("utterance");
        return u != null ? (String) u : (String) ((List<?>) data.get("utterances")).get(0);
    }

    static void assertText(String expected, HiveMessage m) {
        assertEquals(expected, text(m), m.toString());
    }

    static HiveMessage utterance(String text) {
        return HiveMessage.bus("recognizer_loop:utterance", JsonValues.object("utterances", List.of(text)),
                JsonValues.object("session", JsonValues.object("session_id", "s-" + text)));
    }

    static HiveMessage speak(String text) {
        return HiveMessage.bus("speak", JsonValues.object("utterance", text), JsonValues.object());
    }

    @Override
    public void close() {
        synchronized (clients) {
            clients.forEach(HiveMindClient::close);
            clients.clear();
        }
    }
}
