package dev.hivemind.dist.hive;

import dev.hivemind.api.agent.PeerInfo;
import dev.hivemind.api.auth.ClientAuthFactory;
import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.transport.ClientEndpoint;
import dev.hivemind.engine.client.HiveMindClient;
import dev.hivemind.engine.client.HiveMindConnection;
import dev.hivemind.engine.config.ConfigLoader;
import dev.hivemind.engine.hub.InMemoryClientRegistry;
import dev.hivemind.engine.plugin.PluginCatalog;
import dev.hivemind.engine.runtime.EnginePluginContext;
import dev.hivemind.engine.runtime.HiveMindEngine;
import dev.hivemind.engine.runtime.HubServer;
import dev.hivemind.engine.session.ClientOptions;
import dev.hivemind.engine.tck.IntercomFixtures;
import dev.hivemind.engine.tck.RecordingAgent;
import dev.hivemind.engine.tck.TestClients;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A three-level hive over real WebSocket sockets on loopback: a top hub; a middle hub (site {@code upstairs}) that is a
 * satellite of the top one through its {@code upstream:} configuration; satellites below each. Both hubs are wired as
 * the distribution wires them (configuration, discovered plugins, Guice), with a recording agent that echoes.
 */
final class Hive implements AutoCloseable {
    static final String PASSWORD = "hive password";

    /** Clients of the top hub: t1 (admin), t2, and the middle hub (admin: so that it may relay). */
    static final List<ClientRecord> TOP_CLIENTS = List.of(
            TestClients.client().id(1).key("t1-key").name("t1").password(PASSWORD).admin(true).build(),
            TestClients.client().id(2).key("t2-key").name("t2").password(PASSWORD).build(),
            TestClients.client().id(3).key("middle-key").name("middle").password(PASSWORD).admin(true).build());
    /** Clients of the middle hub: s1 (admin), s2, s3 (may neither propagate nor escalate), s4 (never gets speak). */
    static final List<ClientRecord> MIDDLE_CLIENTS = List.of(
            TestClients.client().id(1).key("s1-key").name("s1").password(PASSWORD).admin(true).build(),
            TestClients.client().id(2).key("s2-key").name("s2").password(PASSWORD).build(),
            TestClients.client().id(3).key("s3-key").name("s3").password(PASSWORD).canPropagate(false)
                    .canEscalate(false).build(),
            TestClients.client().id(4).key("s4-key").name("s4").password(PASSWORD).messageBlacklist(List.of("speak"))
                    .build());

    final Path dir;
    final RecordingAgent topAgent = new RecordingAgent("echo");
    final RecordingAgent middleAgent = new RecordingAgent("echo");
    HubServer top;
    HubServer middle;
    int topPort;
    int middlePort;
    private final List<AutoCloseable> open = new ArrayList<>();

    Hive(Path dir) {
        this.dir = dir;
    }

    /** Starts both hubs and waits until the middle one is registered at the top as a hub. */
    Hive start() throws Exception {
        top = startTop(0, topAgent);
        topPort = top.boundAddresses().get("websocket").getPort();
        Map<String, Object> upstream = new LinkedHashMap<>();
        upstream.put("url", "ws://127.0.0.1:" + topPort);
        upstream.put("access_key", "middle-key");
        upstream.put("password", PASSWORD);
        upstream.put("reconnect_initial", "100ms");
        upstream.put("reconnect_max", "500ms");
        middle = hub(Map.of("site_id", "upstairs", "upstream", upstream), 0, middleAgent, MIDDLE_CLIENTS, "middle");
        middlePort = middle.boundAddresses().get("websocket").getPort();
        awaitMiddleAtTop(top);
        return this;
    }

    HubServer startTop(int port, RecordingAgent agent) {
        return hub(Map.of(), port, agent, TOP_CLIENTS, "top");
    }

    private HubServer hub(Map<String, Object> extra, int port, RecordingAgent agent, List<ClientRecord> clients,
            String name) {
        Map<String, Object> tree = new LinkedHashMap<>(extra);
        tree.put("transports", Map.of("websocket", Map.of("host", "127.0.0.1", "port", port)));
        tree.put("auth", Map.of("methods", List.of("password")));
        PluginCatalog found = PluginCatalog.discover(getClass().getClassLoader());
        PluginCatalog catalog = PluginCatalog.of(List.copyOf(found.serverAuth().values()),
                List.copyOf(found.clientAuth().values()), List.copyOf(found.transports().values()), List.of(agent));
        HubServer server = HiveMindEngine.create(ConfigLoader.fromTree(tree, dir.resolve(name)), catalog,
                new InMemoryClientRegistry(clients));
        server.start();
        return server;
    }

    /** Waits until {@code hub} lists the middle hub as a peer of role HUB. */
    static void awaitMiddleAtTop(HubServer hub) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (hub.hub().router().directory().peers().stream().noneMatch(p -> p.role() == PeerInfo.Role.HUB)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("the middle hub never registered at the top as a hub");
            }
            Thread.sleep(20);
        }
    }

    Satellite atTop(String name) throws Exception {
        return connect(name, topPort, top);
    }

    Satellite atMiddle(String name) throws Exception {
        return connect(name, middlePort, middle);
    }

    private Satellite connect(String name, int port, HubServer hub) throws Exception {
        ClientAuthFactory password = PluginCatalog.discover(getClass().getClassLoader()).clientAuth().get("password");
        password.initialize(new EnginePluginContext(PluginSettings.empty(), dir.resolve("sat-" + name),
                Clock.systemUTC(), new SecureRandom()));
        KeyPair keys = IntercomFixtures.keyPair();
        HiveMindClient client = HiveMindClient.create(PluginCatalog.discover(getClass().getClassLoader()).transports()
                .get("websocket"), List.of(password), new ClientCredentials(name + "-key", PASSWORD, null, Map.of()),
                ClientOptions.defaults().withSiteId("site-" + name).withHelloPublicKey(IntercomFixtures.pem(
                        keys.getPublic())));
        HiveMindConnection c = client.connect(ClientEndpoint.parse("ws://127.0.0.1:" + port, port))
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (hub.hub().router().directory().peers().stream().noneMatch(p -> p.peerId().endsWith(c.sessionId()))) {
            if (System.nanoTime() > end) {
                throw new AssertionError(name + " was never registered");
            }
            Thread.sleep(5);
        }
        Satellite s = new Satellite(name, client, c, keys);
        open.add(s);
        return s;
    }

    @Override
    public void close() {
        for (AutoCloseable c : open) {
            try {
                c.close();
            } catch (Exception e) {
                // best effort
            }
        }
        if (middle != null) {
            middle.close();
        }
        if (top != null) {
            top.close();
        }
    }
}
