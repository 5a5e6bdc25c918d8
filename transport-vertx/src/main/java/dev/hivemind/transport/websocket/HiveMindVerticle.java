package dev.hivemind.transport.websocket;

import dev.hivemind.api.runtime.HubRuntime;
import dev.hivemind.api.runtime.HubRuntimeProvider;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A complete HiveMind hub as a Vert.x verticle, for applications that run their own {@code Vertx}:
 * <pre>{@code
 * vertx.deployVerticle(new HiveMindVerticle(), new DeploymentOptions().setConfig(json));
 * }</pre>
 * The hub comes from the single {@link HubRuntimeProvider} found with {@link ServiceLoader} (the engine provides
 * one), built from the configuration's {@code hub} object; the verticle serves it over WebSocket on its own HTTP
 * server, configured by the {@code websocket} object (see {@link VerticleConfig}). Undeploying stops the server
 * (closing connections with 1001) and closes the hub.
 */
public class HiveMindVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(HiveMindVerticle.class);

    private final ClassLoader loader;
    private HubRuntime runtime;
    private WebSocketTransportServer server;
    private volatile InetSocketAddress address;

    /** Finds the hub provider with this class's class loader. */
    public HiveMindVerticle() {
        this(HiveMindVerticle.class.getClassLoader());
    }

    /** Finds the hub provider with {@code loader}. */
    public HiveMindVerticle(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    public Future<?> start() {
        VerticleConfig config;
        try {
            config = VerticleConfig.from(config());
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(new IllegalArgumentException("HiveMindVerticle: " + e.getMessage(), e));
        }
        return vertx.executeBlocking(() -> {
            runtime = provider().create(config.hub());
            return runtime;
        }).compose(hub -> {
            server = new WebSocketTransportServer(vertx, config.server(), hub.acceptor());
            return Future.fromCompletionStage(server.start(), context);
        }).onSuccess(bound -> {
            address = bound;
            LOG.info("HiveMindVerticle: hub serving on {}", bound);
        }).onFailure(e -> closeRuntime());
    }

    private HubRuntimeProvider provider() {
        List<HubRuntimeProvider> found = new ArrayList<>();
        ServiceLoader.load(HubRuntimeProvider.class, loader).forEach(found::add);
        if (found.isEmpty()) {
            throw new IllegalStateException("HiveMindVerticle: no " + HubRuntimeProvider.class.getName()
                    + " on the class path; add hivemind-engine (it provides the hub) to the application");
        }
        if (found.size() > 1) {
            throw new IllegalStateException("HiveMindVerticle: more than one hub provider on the class path: "
                    + found.stream().map(p -> p.getClass().getName()).toList());
        }
        return found.get(0);
    }

    @Override
    public Future<?> stop() {
        Future<Void> stopped = server == null ? Future.succeededFuture()
                : Future.fromCompletionStage(server.stop(), context);
        return stopped.compose(v -> vertx.executeBlocking(() -> {
            closeRuntime();
            return null;
        }));
    }

    private synchronized void closeRuntime() {
        if (runtime != null) {
            try {
                runtime.close();
            } catch (RuntimeException e) {
                LOG.warn("HiveMindVerticle: closing the hub failed", e);
            }
            runtime = null;
        }
    }

    /** The address the server is bound to, once started (handy with port 0). */
    public InetSocketAddress address() {
        return address;
    }
}
