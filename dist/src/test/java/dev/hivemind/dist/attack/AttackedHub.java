package dev.hivemind.dist.attack;

import dev.hivemind.api.auth.ClientAuthFactory;
import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.error.ConnectionClosedException;
import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.transport.ClientEndpoint;
import dev.hivemind.engine.client.HiveMindClient;
import dev.hivemind.engine.client.HiveMindConnection;
import dev.hivemind.engine.config.ConfigLoader;
import dev.hivemind.engine.config.HiveMindConfig;
import dev.hivemind.engine.hub.Hub;
import dev.hivemind.engine.hub.InMemoryClientRegistry;
import dev.hivemind.engine.plugin.PluginCatalog;
import dev.hivemind.engine.runtime.EnginePluginContext;
import dev.hivemind.engine.runtime.HiveMindEngine;
import dev.hivemind.engine.runtime.HubServer;
import dev.hivemind.engine.session.ClientOptions;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The hub as the distribution wires it, on loopback (WebSocket and TCP, port 0), with the given configuration
 * overrides and two password clients: {@link #KEY} (the satellite under attack) and {@link #OTHER_KEY}. Attackers bind
 * to other loopback addresses (127.0.0.2, …); honest clients connect from 127.0.0.1.
 */
final class AttackedHub implements AutoCloseable {
    static final String KEY = "satellite-key";
    static final String PASSWORD = "0123456789abcdef0123456789abcdef";
    static final String OTHER_KEY = "kitchen-key";
    static final String OTHER_PASSWORD = "fedcba9876543210fedcba9876543210";

    private final HubServer server;
    private final Map<String, InetSocketAddress> bound;
    private final PluginCatalog catalog;
    private final Path home;

    /** @param limits overrides of the {@code limits} section; {@code options} of both transports */
    AttackedHub(Path home, Map<String, Object> root, Map<String, Object> transportOptions) {
        this(home, root, transportOptions, List.of());
    }

    /** As {@link #AttackedHub(Path, Map, Map)}, with more clients beside the two password clients. */
    AttackedHub(Path home, Map<String, Object> root, Map<String, Object> transportOptions, List<ClientRecord> more) {
        this.home = home;
        Map<String, Object> tree = new LinkedHashMap<>(root);
        tree.put("transports", Map.of(
                "websocket", Map.of("host", "127.0.0.1", "port", 0, "options", transportOptions),
                "tcp", Map.of("host", "127.0.0.1", "port", 0, "options", transportOptions)));
        tree.putIfAbsent("auth", Map.of("methods", List.of("password")));
        HiveMindConfig config = ConfigLoader.fromTree(tree, home.resolve("hub"));
        catalog = PluginCatalog.discover(getClass().getClassLoader());
        List<ClientRecord> clients = new java.util.ArrayList<>(List.of(
                ClientRecord.builder(KEY).clientId(1).name("satellite").password(PASSWORD).build(),
                ClientRecord.builder(OTHER_KEY).clientId(2).name("kitchen").password(OTHER_PASSWORD).build()));
        clients.addAll(more);
        server = HiveMindEngine.create(config, catalog, new InMemoryClientRegistry(clients));
        bound = server.start();
    }

    int tcpPort() {
        return bound.get("tcp").getPort();
    }

    int wsPort() {
        return bound.get("websocket").getPort();
    }

    Hub hub() {
        return server.hub();
    }

    /**
     * An honest satellite connects from 127.0.0.1 over {@code transport}, completes its handshake and closes again.
     *
     * @return 0 when the session was established, else the code the hub refused it with
     */
    int tryHonestly(String transport, String accessKey, String password) throws Exception {
        ClientAuthFactory auth = PluginCatalog.discover(getClass().getClassLoader()).clientAuth().get("password");
        auth.initialize(new EnginePluginContext(PluginSettings.empty(), home.resolve("satellite"), Clock.systemUTC(),
                new SecureRandom()));
        String scheme = transport.equals("tcp") ? "tcp" : "ws";
        int port = transport.equals("tcp") ? tcpPort() : wsPort();
        HiveMindClient client = HiveMindClient.create(catalog.transports().get(transport), List.of(auth),
                new ClientCredentials(accessKey, password, null, Map.of()), ClientOptions.defaults());
        try {
            HiveMindConnection c = client.connect(ClientEndpoint.parse(scheme + "://127.0.0.1:" + port, port))
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
            c.close();
            return 0;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ConnectionClosedException closed) {
                return closed.peerCode();
            }
            throw e;
        } finally {
            client.close();
        }
    }

    /** Waits until the hub has no session left in its handshake (bounded). */
    void awaitNoHandshakes(Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (hub().openSessions() > 0 && System.nanoTime() < end) {
            Thread.sleep(10);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
