package dev.hivemind.dist.hive;

import dev.hivemind.api.auth.ClientAuthFactory;
import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.transport.ClientEndpoint;
import dev.hivemind.engine.client.HiveMindClient;
import dev.hivemind.engine.client.HiveMindConnection;
import dev.hivemind.engine.config.ConfigLoader;
import dev.hivemind.engine.hub.Hub;
import dev.hivemind.engine.hub.InMemoryClientRegistry;
import dev.hivemind.engine.plugin.PluginCatalog;
import dev.hivemind.engine.runtime.EnginePluginContext;
import dev.hivemind.engine.runtime.HiveMindEngine;
import dev.hivemind.engine.session.ClientOptions;
import dev.hivemind.engine.tck.IntercomFixtures;
import dev.hivemind.engine.runtime.HubServer;
import dev.hivemind.engine.tck.RecordingAgent;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A hub wired as the distribution wires it (configuration, discovered plugins, Guice) on a loopback WebSocket port,
 * with the password, pre-shared-key and RSA methods, the given clients and a {@link RecordingAgent} that echoes.
 */
final class RoutedHub implements AutoCloseable {
    final RecordingAgent agent = new RecordingAgent("echo");
    private final HubServer server;
    private final InMemoryClientRegistry registry;
    final int port;

    RoutedHub(Path dir, List<ClientRecord> clients, Map<String, Object> extra) {
        Map<String, Object> tree = new LinkedHashMap<>(extra);
        tree.put("transports", Map.of("websocket", Map.of("host", "127.0.0.1", "port", 0)));
        tree.putIfAbsent("auth", Map.of("methods", List.of("password", "psk", "rsa")));
        PluginCatalog found = PluginCatalog.discover(getClass().getClassLoader());
        PluginCatalog catalog = PluginCatalog.of(List.copyOf(found.serverAuth().values()),
                List.copyOf(found.clientAuth().values()), List.copyOf(found.transports().values()), List.of(agent));
        registry = new InMemoryClientRegistry(clients);
        server = HiveMindEngine.create(ConfigLoader.fromTree(tree, dir.resolve("hub")), catalog, registry);
        port = server.start().get("websocket").getPort();
    }

    Hub hub() {
        return server.hub();
    }

    InMemoryClientRegistry registry() {
        return registry;
    }

    /** An honest satellite: password {@code password}, a fresh INTERCOM key pair announced in HELLO. */
    Satellite satellite(Path dir, String name, String accessKey, String password) throws Exception {
        ClientAuthFactory auth = PluginCatalog.discover(getClass().getClassLoader()).clientAuth().get("password");
        auth.initialize(new EnginePluginContext(PluginSettings.empty(), dir.resolve("sat-" + name), Clock.systemUTC(),
                new SecureRandom()));
        KeyPair keys = IntercomFixtures.keyPair();
        HiveMindClient client = HiveMindClient.create(PluginCatalog.discover(getClass().getClassLoader())
                .transports().get("websocket"), List.of(auth), new ClientCredentials(accessKey, password, null,
                Map.of()), ClientOptions.defaults().withSiteId("site-" + name)
                .withHelloPublicKey(IntercomFixtures.pem(keys.getPublic())));
        HiveMindConnection c = client.connect(ClientEndpoint.parse("ws://127.0.0.1:" + port, port))
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
        peerIdOf(name);
        return new Satellite(name, client, c, keys);
    }

    /** The peer id of the (one) connected peer of client {@code name}; waits until it is registered. */
    String peerIdOf(String name) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < end) {
            var found = hub().router().directory().peers().stream().filter(p -> p.clientName().equals(name))
                    .findFirst();
            if (found.isPresent()) {
                return found.get().peerId();
            }
            Thread.sleep(5);
        }
        throw new AssertionError(name + " was never registered");
    }

    /** Waits until the hub has accepted at least {@code value} messages. */
    void awaitAccepted(long value) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (hub().metrics().messagesIn() < value && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        if (hub().metrics().messagesIn() < value) {
            throw new AssertionError("the hub never accepted the message");
        }
    }

    /** Waits until the hub has counted at least {@code value} refused messages. */
    void awaitRefused(long value) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (hub().metrics().refusedMessages() < value && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        if (hub().metrics().refusedMessages() < value) {
            throw new AssertionError("the hub never refused the message");
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
