package dev.hivemind.dist.runtime;

import dev.hivemind.api.transport.ConnectionAcceptor;
import dev.hivemind.api.transport.ServerTransportConfig;
import dev.hivemind.api.transport.TransportFactory;
import dev.hivemind.api.transport.TransportServer;
import dev.hivemind.engine.config.HiveMindConfig;
import dev.hivemind.engine.config.TransportSettings;
import dev.hivemind.engine.runtime.HubServer;
import dev.hivemind.transport.vertx.VertxTransportFactory;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The one Vert.x instance every Vert.x transport of a hub runs on (WebSocket and TCP share its event loops, acceptor,
 * timers and internal pools), handed to {@link HubServer#start(HubServer.ServerCreator)}, which closes it with the hub.
 * Either the hub's own, made when the first transport needs it and closed with the hub, or one the caller owns (a
 * clustered Vert.x, an application's), which is left open.
 */
public final class HubVertx implements HubServer.ServerCreator {
    private final int eventLoops;
    private final boolean owned;
    private Vertx vertx;
    private boolean closed;

    private HubVertx(Vertx vertx, int eventLoops, boolean owned) {
        this.vertx = vertx;
        this.eventLoops = eventLoops;
        this.owned = owned;
    }

    /**
     * The hub's own Vert.x, made on first use with the largest {@code eventLoops} any configured transport asks for
     * (0, the default: Vert.x's, two per core).
     */
    public static HubVertx forHub(HiveMindConfig config) {
        int loops = 0;
        for (TransportSettings t : config.transports()) {
            loops = Math.max(loops, t.extra().integer("eventLoops", 0));
        }
        return new HubVertx(null, loops, true);
    }

    /** The caller's {@code vertx}, which the hub runs on and does not close. */
    public static HubVertx on(Vertx vertx) {
        return new HubVertx(Objects.requireNonNull(vertx, "vertx"), 0, false);
    }

    @Override
    public synchronized TransportServer create(TransportFactory factory, ServerTransportConfig config,
            ConnectionAcceptor acceptor) {
        return factory instanceof VertxTransportFactory ? VertxTransportFactory.serverOn(vertx(), factory, config,
                acceptor) : factory.createServer(config, acceptor);
    }

    /** The instance, made now if it is the hub's own and not made yet. */
    public synchronized Vertx vertx() {
        if (closed) {
            throw new IllegalStateException("the hub's Vert.x is closed");
        }
        if (vertx == null) {
            VertxOptions options = new VertxOptions();
            if (eventLoops > 0) {
                options.setEventLoopPoolSize(eventLoops);
            }
            vertx = Vertx.vertx(options);
        }
        return vertx;
    }

    /** Closes the instance if it is the hub's own (waiting at most 10 s); the caller's is left open. */
    @Override
    public synchronized void close() {
        closed = true;
        if (owned && vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS)
                    .handle((v, e) -> null).join();
        }
    }
}
