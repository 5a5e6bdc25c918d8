package dev.hivemind.dist.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.auth.ClientAuthFactory;
import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.transport.ClientEndpoint;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.JsonValues;
import dev.hivemind.engine.client.HiveMindClient;
import dev.hivemind.engine.client.HiveMindConnection;
import dev.hivemind.engine.config.ConfigLoader;
import dev.hivemind.engine.config.HiveMindConfig;
import dev.hivemind.engine.hub.InMemoryClientRegistry;
import dev.hivemind.engine.plugin.PluginCatalog;
import dev.hivemind.engine.runtime.EnginePluginContext;
import dev.hivemind.engine.runtime.HiveMindEngine;
import dev.hivemind.engine.runtime.HubServer;
import dev.hivemind.engine.session.ClientOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hub's WebSocket and TCP transports run on one Vert.x instance, which the hub closes with itself (or, when the
 * caller handed it one, leaves open). Real sockets on loopback; the threads a Vert.x instance starts once (its
 * acceptor, its blocked-thread checker) tell how many instances the hub made.
 */
class HubVertxTest {
    private static final String KEY = "shared-vertx-key";
    private static final String PSK = "0123456789abcdef0123456789abcdef";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path home;

    @Test
    void bothTransportsShareTheHubsVertxAndItClosesWithTheHub() throws Exception {
        PluginCatalog catalog = PluginCatalog.discover(getClass().getClassLoader());
        HiveMindConfig config = config();
        HiveMindClient ws = client(catalog, "websocket");
        HiveMindClient tcp = client(catalog, "tcp");
        long marker = newestThreadId();
        HubServer server = HiveMindEngine.create(config, catalog, registry());
        try {
            Map<String, InetSocketAddress> bound = server.start(HubVertx.forHub(config));
            echo(ws, "ws", bound.get("websocket").getPort());
            echo(tcp, "tcp", bound.get("tcp").getPort());
            assertEquals(1, threadsSince(marker, "vert.x-acceptor-thread"), "acceptor threads");
            assertEquals(1, threadsSince(marker, "vertx-blocked-thread-checker"), "Vert.x instances");
        } finally {
            server.close();
            ws.close();
            tcp.close();
        }
        Awaitility.await().atMost(WAIT).untilAsserted(() -> assertEquals(0, threadsSince(marker, "vert")));
    }

    @Test
    void aVertxHandedToTheHubServesBothTransportsAndStaysOpen() throws Exception {
        PluginCatalog catalog = PluginCatalog.discover(getClass().getClassLoader());
        HiveMindConfig config = config();
        HiveMindClient ws = client(catalog, "websocket");
        HiveMindClient tcp = client(catalog, "tcp");
        Vertx given = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        long marker = newestThreadId();
        HubServer server = HiveMindEngine.create(config, catalog, registry());
        try {
            Map<String, InetSocketAddress> bound = server.start(HubVertx.on(given));
            echo(ws, "ws", bound.get("websocket").getPort());
            echo(tcp, "tcp", bound.get("tcp").getPort());
            assertEquals(0, threadsSince(marker, "vertx-blocked-thread-checker"), "Vert.x instances made by the hub");
            server.close();
            assertEquals(42, given.executeBlocking(() -> 42).toCompletionStage().toCompletableFuture()
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS));
        } finally {
            server.close();
            ws.close();
            tcp.close();
            given.close().toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private HiveMindConfig config() {
        return ConfigLoader.fromTree(Map.of("auth", Map.of("methods", List.of("psk")),
                "transports", Map.of("websocket", Map.of("host", "127.0.0.1", "port", 0),
                        "tcp", Map.of("host", "127.0.0.1", "port", 0))), home.resolve("hub"));
    }

    private static InMemoryClientRegistry registry() {
        return new InMemoryClientRegistry(List.of(
                ClientRecord.builder(KEY).clientId(1).name("satellite").cryptoKey(PSK).build()));
    }

    /** A satellite client (its own Vert.x made now, before the thread marker). */
    private HiveMindClient client(PluginCatalog catalog, String transport) {
        ClientAuthFactory psk = PluginCatalog.discover(getClass().getClassLoader()).clientAuth().get("psk");
        psk.initialize(new EnginePluginContext(PluginSettings.empty(), home.resolve("satellite"), Clock.systemUTC(),
                new SecureRandom()));
        return HiveMindClient.create(catalog.transports().get(transport), List.of(psk),
                new ClientCredentials(KEY, null, PSK, Map.of()), ClientOptions.defaults());
    }

    private static void echo(HiveMindClient client, String scheme, int port) throws Exception {
        HiveMindConnection c = client.connect(ClientEndpoint.parse(scheme + "://127.0.0.1:" + port, port))
                .toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        c.send(HiveMessage.bus("recognizer_loop:utterance",
                JsonValues.object("utterances", List.of(scheme), "lang", "en-us"), JsonValues.object()));
        HiveMessage reply = c.poll(WAIT).orElseThrow(() -> new AssertionError("no echo over " + scheme));
        assertEquals("you said: " + scheme, ((Map<?, ?>) reply.payload().get("data")).get("utterance"));
        c.close();
    }

    /** Thread ids grow with every thread made: a thread made after this call has a larger id. */
    private static long newestThreadId() throws InterruptedException {
        Thread probe = new Thread(() -> { });
        probe.start();
        probe.join();
        assertTrue(probe.getId() > 0);
        return probe.getId();
    }

    /** Live threads made after {@code marker} whose name starts with {@code prefix}. */
    private static long threadsSince(long marker, String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getId() > marker && t.getName().startsWith(prefix)).count();
    }
}
