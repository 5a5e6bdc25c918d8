package dev.hivemind.cluster.hazelcast;

import com.google.inject.AbstractModule;
import dev.hivemind.agent.eventbus.VertxEventBusAgent;
import dev.hivemind.api.agent.HiveAgent;
import dev.hivemind.api.registry.ClientRegistry;
import dev.hivemind.engine.cluster.HubCluster;
import dev.hivemind.engine.config.ConfigLoader;
import dev.hivemind.engine.config.HiveMindConfig;
import dev.hivemind.engine.inject.HubTopology;
import dev.hivemind.engine.plugin.PluginCatalog;
import dev.hivemind.engine.runtime.HiveMindEngine;
import dev.hivemind.engine.runtime.HubServer;
import dev.hivemind.engine.testplugin.TokenClientAuthFactory;
import dev.hivemind.engine.testplugin.TokenServerAuthFactory;
import dev.hivemind.transport.websocket.WebSocketTransportFactory;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One hub node of a test cluster in this JVM: a member on loopback (any free port, short heartbeat), the WebSocket
 * transport on a free port, the test-only {@code token} auth method, the {@code vertx-eventbus} agent, one shared
 * client registry.
 */
final class TestNode implements AutoCloseable {
    final HubCluster cluster;
    final HubServer server;
    final int port;

    private TestNode(HubCluster cluster, HubServer server) {
        this.cluster = cluster;
        this.server = server;
        this.port = server.boundAddresses().get("websocket").getPort();
    }

    /** Cluster settings for a test: loopback, the given members, heartbeat 1 s, dropped after 3 s of silence. */
    static Map<String, Object> clusterSection(String name, List<String> members) {
        Map<String, Object> cluster = new LinkedHashMap<>();
        cluster.put("enabled", true);
        cluster.put("name", name);
        cluster.put("password", "test-secret");
        cluster.put("host", "127.0.0.1");
        cluster.put("port", 0);
        cluster.put("members", members);
        cluster.put("heartbeat_interval", "1s");
        cluster.put("failure_timeout", "3s");
        return cluster;
    }

    static TestNode start(Path dir, ClientRegistry registry, Map<String, Object> clusterSection,
            Map<String, Object> more) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("transports", Map.of("websocket", Map.of("host", "127.0.0.1", "port", 0)));
        tree.put("auth", Map.of("methods", List.of("token")));
        tree.put("agent", "vertx-eventbus");
        tree.put("cluster", clusterSection);
        tree.putAll(more);
        HiveMindConfig config = ConfigLoader.fromTree(tree, dir);
        HubCluster cluster = new HazelcastClusterFactory().join(config.cluster());
        try {
            PluginCatalog catalog = PluginCatalog.of(List.of(new TokenServerAuthFactory()),
                    List.of(new TokenClientAuthFactory()), List.of(new WebSocketTransportFactory()),
                    List.<HiveAgent>of(new VertxEventBusAgent()));
            HubServer server = HiveMindEngine.create(config, catalog, registry, new AbstractModule() {
                @Override
                protected void configure() {
                    bind(HubTopology.class).toInstance(cluster.topology());
                }
            });
            server.start();
            return new TestNode(cluster, server);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** The node's clustered Vert.x (what the agent runs on). */
    Vertx vertx() {
        return cluster.topology().services().stream().filter(Vertx.class::isInstance).map(Vertx.class::cast)
                .findFirst().orElseThrow();
    }

    String url() {
        return "ws://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            cluster.close();
        }
    }
}
