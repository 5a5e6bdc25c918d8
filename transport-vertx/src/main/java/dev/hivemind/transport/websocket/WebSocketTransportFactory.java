package dev.hivemind.transport.websocket;

import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.transport.ConnectionAcceptor;
import dev.hivemind.api.transport.ServerTransportConfig;
import dev.hivemind.api.transport.TransportClient;
import dev.hivemind.api.transport.TransportServer;
import dev.hivemind.transport.vertx.VertxTransportFactory;
import io.vertx.core.Vertx;
import java.util.Set;

/**
 * The {@code websocket} transport: HiveMind over WebSocket on Vert.x, wire-compatible with hivemind-core's tornado
 * server and hivemind_bus_client (schemes {@code ws} and {@code wss}, default port 5678).
 */
public final class WebSocketTransportFactory implements VertxTransportFactory {
    /** The plugin name. */
    public static final String NAME = "websocket";
    /** hivemind-core's default port. */
    public static final int DEFAULT_PORT = 5678;
    static final Set<String> SCHEMES = Set.of("ws", "wss");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "WebSocket (ws/wss) on Vert.x, compatible with hivemind-core and hivemind_bus_client";
    }

    @Override
    public int defaultPort() {
        return DEFAULT_PORT;
    }

    @Override
    public Set<String> schemes() {
        return SCHEMES;
    }

    @Override
    public TransportServer createServer(ServerTransportConfig config, ConnectionAcceptor acceptor) {
        return new WebSocketTransportServer(config, acceptor);
    }

    @Override
    public TransportClient createClient(PluginSettings settings) {
        return new WebSocketTransportClient(settings);
    }

    @Override
    public TransportClient createClient(Vertx vertx, PluginSettings settings) {
        return new WebSocketTransportClient(java.util.Objects.requireNonNull(vertx, "vertx"), settings);
    }

    @Override
    public TransportServer createServer(Vertx vertx, ServerTransportConfig config, ConnectionAcceptor acceptor) {
        return new WebSocketTransportServer(java.util.Objects.requireNonNull(vertx, "vertx"), config, acceptor);
    }
}
