package dev.hivemind.transport.vertx;

import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.transport.ConnectionAcceptor;
import dev.hivemind.api.transport.ServerTransportConfig;
import dev.hivemind.api.transport.TransportClient;
import dev.hivemind.api.transport.TransportFactory;
import dev.hivemind.api.transport.TransportServer;
import io.vertx.core.Vertx;

/**
 * A transport that runs on Vert.x and can share a {@link Vertx} its caller owns: an embedding application passes its
 * own instance, and the client or server created here runs on it and never closes it. The inherited
 * {@link #createClient(PluginSettings)} and {@link #createServer(ServerTransportConfig, ConnectionAcceptor)} start a
 * Vert.x of their own instead, closed with the client or server.
 */
public interface VertxTransportFactory extends TransportFactory {
    /** A client on {@code vertx}, which stays open when the client is closed. */
    TransportClient createClient(Vertx vertx, PluginSettings settings);

    /** A server on {@code vertx}, which stays open when the server stops. */
    TransportServer createServer(Vertx vertx, ServerTransportConfig config, ConnectionAcceptor acceptor);

    /**
     * A server of {@code factory}: on {@code vertx} when the transport runs on Vert.x, otherwise on whatever runtime
     * the transport makes for itself. How a host runs all its transports on one Vert.x instance.
     */
    static TransportServer serverOn(Vertx vertx, TransportFactory factory, ServerTransportConfig config,
            ConnectionAcceptor acceptor) {
        return factory instanceof VertxTransportFactory v ? v.createServer(vertx, config, acceptor)
                : factory.createServer(config, acceptor);
    }
}
