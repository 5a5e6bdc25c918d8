package dev.hivemind.transport.vertx;

import dev.hivemind.api.error.CloseCode;
import dev.hivemind.api.transport.ConnectionAcceptor;
import dev.hivemind.api.transport.ServerTransportConfig;
import dev.hivemind.api.transport.TransportServer;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.internal.VertxInternal;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * The life cycle every Vert.x transport server shares. It runs on a Vert.x instance it is given (and leaves open) or
 * on one it creates from the settings (and closes at stop); it prepares its options off the event loop (TLS files
 * may be read or generated) and then listens; {@link #stop()} closes every tracked connection with 1001, waits for
 * the close handshakes (at most the closing timeout and a second), then closes the server.
 *
 * <p>Subclasses create the server and handle its sockets, {@link #track} their connections and refuse new ones
 * once {@link #stopping()}.
 *
 * @param <O> the type of the server's Vert.x options
 */
public abstract class AbstractVertxServer<O> implements TransportServer {
    protected final ServerTransportConfig config;
    protected final ConnectionAcceptor acceptor;
    protected final TransportSettings settings;
    protected final ConnectionLimits limits;
    private final Logger log;
    private final String transport;
    private final Vertx givenVertx;
    private final Set<AbstractVertxConnection> live = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;
    private Vertx vertx;
    private CompletableFuture<InetSocketAddress> started;
    private CompletableFuture<Void> stopped;

    /** A server of {@code transport} on {@code vertx} (owned by the caller), or on its own if {@code null}. */
    protected AbstractVertxServer(Logger log, String transport, Vertx vertx, ServerTransportConfig config,
            ConnectionAcceptor acceptor) {
        this.log = log;
        this.transport = transport;
        this.givenVertx = vertx;
        this.config = Objects.requireNonNull(config, "config");
        this.acceptor = Objects.requireNonNull(acceptor, "acceptor");
        this.settings = TransportSettings.from(config.settings(), config.maxFrameBytes());
        this.limits = settings.limits(config.maxFrameBytes(), config.idleTimeout());
    }

    // ------------------------------------------------------------------ transport-specific

    /** The server's options; runs off the event loop, so it may read or generate the TLS files. */
    protected abstract O serverOptions();

    /** Creates the server with {@code options} on {@link #vertx()} and listens; completes with the bound port. */
    protected abstract Future<Integer> listen(O options);

    /** Closes the server created by {@link #listen}, if any; its connections are closed already. */
    protected abstract Future<Void> closeServer();

    /** The URI scheme the server speaks, plain or with TLS (for the log). */
    protected abstract String scheme(boolean tls);

    // ------------------------------------------------------------------ life cycle

    @Override
    public final synchronized CompletionStage<InetSocketAddress> start() {
        if (started != null) {
            return started;
        }
        started = new CompletableFuture<>();
        VertxOptions vertxOptions = new VertxOptions();
        if (settings.eventLoops() > 0) {
            vertxOptions.setEventLoopPoolSize(settings.eventLoops());
        }
        vertx = givenVertx != null ? givenVertx : Vertx.vertx(vertxOptions);
        serverContext().executeBlocking(this::serverOptions)
                .compose(this::listen)
                .onSuccess(port -> {
                    log.info("{}: listening on {}://{}:{}", transport,
                            scheme(config.tls().enabled()), config.host(), port);
                    started.complete(new InetSocketAddress(config.host(), port));
                })
                .onFailure(e -> {
                    log.error(transport + ": could not start on " + config.host() + ":" + config.port(), e);
                    if (givenVertx == null) {
                        vertx.close();
                    }
                    started.completeExceptionally(e);
                });
        return started;
    }

    @Override
    public final synchronized CompletionStage<Void> stop() {
        if (stopped != null) {
            return stopped;
        }
        stopped = new CompletableFuture<>();
        stopping = true;
        if (started == null || vertx == null) {
            stopped.complete(null);
            return stopped;
        }
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (AbstractVertxConnection c : List.copyOf(live)) {
            c.close(CloseCode.GOING_AWAY, "server stopping");
            closing.add(c.closedFuture());
        }
        CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new))
                .orTimeout(limits.closingTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS)
                .handle((v, e) -> null)
                .thenCompose(v -> closeServer().toCompletionStage().handle((x, e) -> null))
                .thenCompose(v -> givenVertx == null ? vertx.close().toCompletionStage().handle((x, e) -> null)
                        : CompletableFuture.completedFuture(null))
                .whenComplete((v, e) -> {
                    log.info("{}: stopped", transport);
                    stopped.complete(null);
                });
        return stopped;
    }

    /**
     * The context the server listens on, whose event loop serves all its connections: the caller's when it runs on
     * one (a verticle's), else a new one. Not the calling thread's default: Vert.x gives every context it makes for
     * one outside thread the same event loop, so two servers of a hub started from one thread on a shared Vert.x would
     * share one loop.
     */
    private Context serverContext() {
        Context current = Vertx.currentContext();
        if (current != null && current.owner() == vertx) {
            return current;
        }
        return ((VertxInternal) vertx).createEventLoopContext();
    }

    // ------------------------------------------------------------------ for subclasses

    /** The Vert.x instance the server runs on, once started. */
    protected final Vertx vertx() {
        return vertx;
    }

    /** Whether {@link #stop()} has begun: new connections are refused. */
    protected final boolean stopping() {
        return stopping;
    }

    /** Tracks {@code connection} until its socket is closed; {@link #stop()} closes every tracked connection. */
    protected final void track(AbstractVertxConnection connection) {
        live.add(connection);
        connection.closedFuture().whenComplete((v, e) -> live.remove(connection));
    }

    /** Connections currently tracked (open, or, where the transport tracks them that early, awaiting admission). */
    public int openConnections() {
        return live.size();
    }
}
