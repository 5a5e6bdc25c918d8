package dev.hivemind.embedded;

import com.google.inject.AbstractModule;
import com.google.inject.name.Names;
import dev.hivemind.api.registry.ClientRegistry;
import dev.hivemind.api.transport.TransportFactory;
import dev.hivemind.engine.config.ConfigException;
import dev.hivemind.engine.config.HiveMindConfig;
import dev.hivemind.engine.config.TransportSettings;
import dev.hivemind.engine.plugin.PluginCatalog;
import dev.hivemind.engine.plugin.PluginDiscoveryException;
import dev.hivemind.engine.runtime.HiveMindEngine;
import dev.hivemind.engine.runtime.HubServer;
import dev.hivemind.engine.time.Scheduler;
import dev.hivemind.engine.work.WorkerPool;
import dev.hivemind.transport.vertx.VertxTransportFactory;
import io.vertx.core.Vertx;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A hub inside the application, built by {@link HiveMind#hub()}: {@link #start()} it, and {@link #close()} it. It owns
 * its worker threads, its servers and, unless one was given to its builder, its Vert.x instance; closing it closes the
 * sessions (1001 "going away") and releases all of that. Thread-safe.
 */
public final class EmbeddedHub implements AutoCloseable {
    private final HiveMindConfig config;
    private final PluginCatalog catalog;
    private final ClientRegistry registry;
    private final Vertx sharedVertx;
    private final int eventLoops;
    private Resources resources;
    private CompletableFuture<EmbeddedHub> started;
    private CompletableFuture<Void> closed;
    private volatile HubServer server;
    private volatile Map<String, InetSocketAddress> bound = Map.of();

    EmbeddedHub(HiveMindConfig config, PluginCatalog catalog, ClientRegistry registry, Vertx sharedVertx,
            int eventLoops) {
        this.config = config;
        this.catalog = catalog;
        this.registry = registry;
        this.sharedVertx = sharedVertx;
        this.eventLoops = eventLoops;
    }

    /**
     * Builds the hub and starts listening (on a worker thread: plugins may read or generate key files). Completes when
     * every transport is bound, or fails with the reason (a port in use, a missing plugin, a bad key file); a failed
     * start releases everything. Idempotent.
     */
    public synchronized CompletionStage<EmbeddedHub> start() {
        if (started != null) {
            return started;
        }
        started = new CompletableFuture<>();
        if (closed != null) {
            started.completeExceptionally(new IllegalStateException("the hub is closed"));
            return started;
        }
        Resources owned = Resources.on(sharedVertx, eventLoops);
        resources = owned;
        Resources.onOwnThread("hivemind-hub-start", () -> {
            WorkerPool cpu = owned.own(new WorkerPool("hivemind-worker", config.workers().threads(),
                    config.workers().queueCapacity()));
            WorkerPool io = owned.own(WorkerPool.forBlockingIo("hivemind-io", 4));
            HubServer s = owned.own(create(cpu, io, new VertxScheduler(owned.vertx())));
            server = s;
            bound = s.start((factory, sc, acceptor) -> VertxTransportFactory.serverOn(owned.vertx(), factory, sc,
                    acceptor));
            return this;
        }).whenComplete((hub, error) -> {
            if (error == null) {
                started.complete(this);
            } else {
                server = null;
                owned.release().whenComplete((r, x) -> started.completeExceptionally(error));
            }
        });
        return started;
    }

    private HubServer create(WorkerPool cpu, WorkerPool io, Scheduler scheduler) {
        try {
            return HiveMindEngine.create(config, catalog, registry, new AbstractModule() {
                @Override
                protected void configure() {
                    bind(Scheduler.class).toInstance(scheduler);
                    bind(WorkerPool.class).annotatedWith(Names.named("cpu")).toInstance(cpu);
                    bind(WorkerPool.class).annotatedWith(Names.named("io")).toInstance(io);
                }
            });
        } catch (PluginDiscoveryException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Where each transport listens, by transport name ({@code websocket}, {@code tcp}); empty until started. */
    public Map<String, InetSocketAddress> addresses() {
        return bound;
    }

    /**
     * The URL a satellite connects to, for each transport: {@code scheme://host:port} with the bound port (a wildcard
     * host becomes {@code 127.0.0.1}). Empty until started.
     */
    public List<String> urls() {
        List<String> out = new ArrayList<>();
        for (TransportSettings t : config.transports()) {
            InetSocketAddress address = bound.get(t.name());
            TransportFactory factory = catalog.transports().get(t.name());
            if (address != null && factory != null) {
                String host = t.host().equals("0.0.0.0") || t.host().equals("::") ? "127.0.0.1" : t.host();
                out.add(scheme(factory, t.tls().enabled()) + "://" + (host.contains(":") ? "[" + host + "]" : host)
                        + ":" + address.getPort());
            }
        }
        return out;
    }

    /** The first of {@link #urls()}. */
    public String url() {
        List<String> urls = urls();
        if (urls.isEmpty()) {
            throw new IllegalStateException("the hub is not listening (start it first)");
        }
        return urls.get(0);
    }

    /** Sessions open now (established or handshaking). */
    public int openSessions() {
        HubServer s = server;
        return s == null ? 0 : s.hub().openSessions();
    }

    /** The Vert.x-flavoured face of this hub: starting and closing as {@link io.vertx.core.Future}s. */
    public HubFutures futures() {
        return new HubFutures(this);
    }

    /**
     * Closes every session (1001), stops the servers, and releases the threads and, if it is the hub's own, the Vert.x
     * instance. Completes when all is done. Idempotent.
     */
    public synchronized CompletionStage<Void> closeAsync() {
        if (closed != null) {
            return closed;
        }
        closed = new CompletableFuture<>();
        CompletableFuture<Void> done = closed;
        if (resources == null) {
            done.complete(null);
            return done;
        }
        started.handle((h, e) -> null).thenRun(() -> resources.release().whenComplete((r, x) -> done.complete(null)));
        return done;
    }

    /**
     * {@link #closeAsync()} and waits for it (at most 30 s). On a Vert.x thread it does not wait: a blocked event loop
     * could not finish the close.
     */
    @Override
    public void close() {
        Resources.awaitClosed(closeAsync());
    }

    Vertx vertx() {
        Resources r = resources;
        return r != null ? r.vertx() : sharedVertx != null ? sharedVertx : null;
    }

    /** The transport's scheme with or without TLS: of {@code ws} and {@code wss}, the longer one is the secure one. */
    static String scheme(TransportFactory factory, boolean tls) {
        List<String> schemes = factory.schemes().stream().sorted(Comparator.comparingInt(String::length)).toList();
        return tls && schemes.size() > 1 ? schemes.get(schemes.size() - 1) : schemes.get(0);
    }
}
