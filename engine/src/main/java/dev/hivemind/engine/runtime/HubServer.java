package dev.hivemind.engine.runtime;

import dev.hivemind.api.transport.ConnectionAcceptor;
import dev.hivemind.api.transport.ServerTransportConfig;
import dev.hivemind.api.transport.TransportFactory;
import dev.hivemind.api.transport.TransportServer;
import dev.hivemind.engine.config.HiveMindConfig;
import dev.hivemind.engine.config.TransportSettings;
import dev.hivemind.engine.hub.Hub;
import dev.hivemind.engine.inject.Lifecycle;
import jakarta.inject.Inject;
import dev.hivemind.engine.plugin.PluginDiscoveryException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the configured transports in front of one {@link Hub} (several at once: WebSocket and TCP together). */
public final class HubServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HubServer.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final HiveMindConfig config;
    private final Hub hub;
    private final Map<String, TransportFactory> transports;
    private final Lifecycle lifecycle;
    private final Map<String, TransportServer> running = new LinkedHashMap<>();
    private final Map<String, InetSocketAddress> bound = new LinkedHashMap<>();
    private ServerCreator creator;

    /**
     * @param config     the configuration (its transports are started)
     * @param hub        the hub the transports feed
     * @param transports the installed transports, by name
     * @param lifecycle  the pools and scheduler to close after the transports
     */
    @Inject
    public HubServer(HiveMindConfig config, Hub hub, Map<String, TransportFactory> transports, Lifecycle lifecycle) {
        this.config = config;
        this.hub = hub;
        this.transports = Map.copyOf(transports);
        this.lifecycle = lifecycle;
    }

    public Hub hub() {
        return hub;
    }

    /**
     * Creates one transport's server in front of the hub. The hub owns the creator it was started with and closes it
     * last, after its transports and pools: a creator that runs every transport on one shared runtime (one Vert.x
     * instance) releases it there.
     */
    @FunctionalInterface
    public interface ServerCreator extends AutoCloseable {
        TransportServer create(TransportFactory factory, ServerTransportConfig config, ConnectionAcceptor acceptor);

        /** Releases what the servers shared; by default nothing. */
        @Override
        default void close() {
        }
    }

    /** Starts every configured transport; on any failure stops those already started and rethrows. */
    public synchronized Map<String, InetSocketAddress> start() {
        return start(TransportFactory::createServer);
    }

    /**
     * As {@link #start()}, creating each server with {@code creator} (the transports share one Vert.x this way, the
     * hub's own or an embedding application's); the hub closes the creator in {@link #close()}, also when the start
     * fails.
     */
    public synchronized Map<String, InetSocketAddress> start(ServerCreator creator) {
        this.creator = Objects.requireNonNull(creator, "creator");
        List<String> missing = new ArrayList<>();
        for (TransportSettings t : config.transports()) {
            if (!transports.containsKey(t.name())) {
                missing.add(t.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new PluginDiscoveryException("configured transport(s) " + missing + " not installed; found: "
                    + (transports.isEmpty() ? "none" : String.join(", ", transports.keySet())));
        }
        try {
            hub.startRouting();
            for (TransportSettings t : config.transports()) {
                TransportFactory factory = transports.get(t.name());
                ServerTransportConfig sc = new ServerTransportConfig(t.host(), t.port(), t.maxFrameBytes(),
                        t.idleTimeout(), t.tls(), config.dataDirectory(), t.extra());
                TransportServer server = creator.create(factory, sc, hub);
                InetSocketAddress address;
                try {
                    address = server.start().toCompletableFuture()
                            .get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable c = e.getCause() instanceof CompletionException && e.getCause().getCause() != null
                            ? e.getCause().getCause() : e.getCause();
                    throw new IllegalStateException("cannot start transport '" + t.name() + "' on " + t.host() + ":"
                            + t.port() + ": " + c.getMessage(), c);
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new IllegalStateException("transport '" + t.name() + "' did not start within "
                            + START_TIMEOUT.toSeconds() + " s");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while starting transport '" + t.name() + "'");
                }
                running.put(t.name(), server);
                bound.put(t.name(), address);
                LOG.info("listening on {} {}:{}{}", t.name(), address.getHostString(), address.getPort(),
                        t.tls().enabled() ? " (TLS)" : "");
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        return Map.copyOf(bound);
    }

    /** Where each started transport listens. */
    public synchronized Map<String, InetSocketAddress> boundAddresses() {
        return Map.copyOf(bound);
    }

    /**
     * Stops every transport (live connections get 1001), then closes the pools and the scheduler, the last created
     * first, and last the {@link ServerCreator} the hub was started with. The hub cannot be started again.
     */
    @Override
    public synchronized void close() {
        hub.close();
        for (Map.Entry<String, TransportServer> e : running.entrySet()) {
            try {
                e.getValue().stop().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception ex) {
                LOG.warn("transport {} did not stop cleanly: {}", e.getKey(), ex.toString());
            }
        }
        running.clear();
        bound.clear();
        lifecycle.close();
        if (creator != null) {
            try {
                creator.close();
            } catch (RuntimeException e) {
                LOG.warn("releasing the transports' runtime failed: {}", e.toString());
            }
            creator = null;
        }
    }
}
