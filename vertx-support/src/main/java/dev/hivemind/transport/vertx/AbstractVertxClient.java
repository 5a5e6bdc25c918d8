package dev.hivemind.transport.vertx;

import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.transport.AuthorizationToken;
import dev.hivemind.api.transport.ClientEndpoint;
import dev.hivemind.api.transport.Connection;
import dev.hivemind.api.transport.ConnectionHandler;
import dev.hivemind.api.transport.ServerTransportConfig;
import dev.hivemind.api.transport.TransportClient;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.net.ClientSSLOptions;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * What every Vert.x transport client shares: its settings; a Vert.x instance given to it (left open) or its own
 * (one event loop unless the settings ask for more, closed by {@link #close()}); and the checks before a connect:
 * the arguments, the endpoint's scheme, and the TLS options for the secure scheme (a failure fails the stage).
 */
public abstract class AbstractVertxClient implements TransportClient {
    protected final Vertx vertx;
    protected final TransportSettings settings;
    private final boolean ownsVertx;
    private final String transport;
    private final String scheme;
    private final String secureScheme;

    /**
     * A client of {@code transport}, speaking {@code scheme} and, with TLS, {@code secureScheme}, on {@code vertx}
     * (owned by the caller), or on its own event loop if {@code null}.
     */
    protected AbstractVertxClient(String transport, String scheme, String secureScheme, Vertx vertx,
            PluginSettings settings) {
        this.transport = transport;
        this.scheme = scheme;
        this.secureScheme = secureScheme;
        this.settings = TransportSettings.from(settings == null ? PluginSettings.empty() : settings,
                ServerTransportConfig.DEFAULT_MAX_FRAME_BYTES);
        this.ownsVertx = vertx == null;
        this.vertx = vertx != null ? vertx : Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(this.settings.eventLoops() > 0 ? this.settings.eventLoops() : 1));
    }

    /**
     * Connects to an endpoint that passed the checks and completes {@code result} with the open connection, or
     * exceptionally.
     *
     * @param tls the client TLS options for the secure scheme, {@code null} for the plain one
     */
    protected abstract void dial(ClientEndpoint endpoint, AuthorizationToken token,
            Function<Connection, ConnectionHandler> handlerFactory, ClientSSLOptions tls,
            CompletableFuture<Connection> result);

    /** Releases the transport's own Vert.x clients; the Vert.x instance is closed afterwards if it is ours. */
    protected abstract void closeClients();

    @Override
    public final CompletionStage<Connection> connect(ClientEndpoint endpoint, AuthorizationToken token,
            Function<Connection, ConnectionHandler> handlerFactory) {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(handlerFactory, "handlerFactory");
        CompletableFuture<Connection> result = new CompletableFuture<>();
        boolean secure = endpoint.scheme().equals(secureScheme);
        if (!secure && !endpoint.scheme().equals(scheme)) {
            result.completeExceptionally(new IllegalArgumentException("the " + transport + " transport handles "
                    + scheme + " and " + secureScheme + ", not " + endpoint.scheme()));
            return result;
        }
        ClientSSLOptions tls;
        try {
            tls = secure ? ClientTlsOptions.of(endpoint.tls(), endpoint.address()) : null;
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return result;
        }
        dial(endpoint, token, handlerFactory, tls, result);
        return result;
    }

    /** The limits of a connection to {@code endpoint}. */
    protected final ConnectionLimits limitsFor(ClientEndpoint endpoint) {
        return settings.limits(endpoint.maxFrameBytes(), settings.idleTimeout());
    }

    @Override
    public void close() {
        closeClients();
        if (ownsVertx) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS)
                    .exceptionally(e -> null).join();
        }
    }
}
