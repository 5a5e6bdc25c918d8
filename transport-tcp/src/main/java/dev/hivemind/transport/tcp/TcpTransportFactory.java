package dev.hivemind.transport.tcp;

import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.transport.ConnectionAcceptor;
import dev.hivemind.api.transport.ServerTransportConfig;
import dev.hivemind.api.transport.TransportClient;
import dev.hivemind.api.transport.TransportServer;
import dev.hivemind.transport.vertx.VertxTransportFactory;
import io.vertx.core.Vertx;
import java.util.Set;

/**
 * The {@code tcp} transport: HiveMind over plain TCP (or TLS, {@code tcps}) with the length-prefixed framing of
 * {@code docs/protocol/TCP-FRAMING.md}, on Vert.x. Default port 5680.
 */
public final class TcpTransportFactory implements VertxTransportFactory {
    /** The plugin name. */
    public static final String NAME = "tcp";
    /** Default port. */
    public static final int DEFAULT_PORT = 5680;
    static final Set<String> SCHEMES = Set.of("tcp", "tcps");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "plain TCP (tcp/tcps) with HiveMind length-prefixed framing, on Vert.x";
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
        return new TcpTransportServer(config, acceptor);
    }

    @Override
    public TransportClient createClient(PluginSettings settings) {
        return new TcpTransportClient(settings);
    }

    @Override
    public TransportClient createClient(Vertx vertx, PluginSettings settings) {
        return new TcpTransportClient(java.util.Objects.requireNonNull(vertx, "vertx"), settings);
    }

    @Override
    public TransportServer createServer(Vertx vertx, ServerTransportConfig config, ConnectionAcceptor acceptor) {
        return new TcpTransportServer(java.util.Objects.requireNonNull(vertx, "vertx"), config, acceptor);
    }
}
