package dev.hivemind.transport.tcp;

import dev.hivemind.api.error.CloseCode;
import dev.hivemind.api.error.ConnectionClosedException;
import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.transport.AuthorizationToken;
import dev.hivemind.api.transport.ClientEndpoint;
import dev.hivemind.api.transport.Connection;
import dev.hivemind.api.transport.ConnectionHandler;
import dev.hivemind.api.transport.ServerTransportConfig;
import dev.hivemind.api.transport.TransportClient;
import dev.hivemind.transport.vertx.ClientTlsOptions;
import dev.hivemind.transport.vertx.ConnectionLimits;
import dev.hivemind.transport.vertx.TransportSettings;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.net.ConnectOptions;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The TCP client: connects, sends AUTH, and completes the connect stage when the server's first data frame
 * arrives; a CLOSE instead (an unknown key: 1008 "invalid access key") fails it with a
 * {@link ConnectionClosedException}, as does silence until the endpoint's connect timeout.
 */
public final class TcpTransportClient implements TransportClient {
    private final Vertx vertx;
    private final boolean ownsVertx;
    private final TransportSettings settings;
    private final NetClient netClient;

    /** A client with its own single event loop, released by {@link #close()}. */
    public TcpTransportClient(PluginSettings settings) {
        this(null, settings);
    }

    /** A client on {@code vertx} (owned by the caller), or on its own event loop if {@code null}. */
    public TcpTransportClient(Vertx vertx, PluginSettings settings) {
        this.settings = TransportSettings.from(settings == null ? PluginSettings.empty() : settings,
                ServerTransportConfig.DEFAULT_MAX_FRAME_BYTES);
        this.ownsVertx = vertx == null;
        this.vertx = vertx != null ? vertx : Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(this.settings.eventLoops() > 0 ? this.settings.eventLoops() : 1));
        this.netClient = this.vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true));
    }

    @Override
    public CompletionStage<Connection> connect(ClientEndpoint endpoint, AuthorizationToken token,
            Function<Connection, ConnectionHandler> handlerFactory) {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(handlerFactory, "handlerFactory");
        CompletableFuture<Connection> result = new CompletableFuture<>();
        if (!TcpTransportFactory.SCHEMES.contains(endpoint.scheme())) {
            result.completeExceptionally(new IllegalArgumentException("the tcp transport handles tcp and tcps, not "
                    + endpoint.scheme()));
            return result;
        }
        ConnectOptions options = new ConnectOptions().setHost(endpoint.host()).setPort(endpoint.port())
                .setTimeout((int) Math.min(Integer.MAX_VALUE, endpoint.connectTimeout().toMillis()));
        try {
            if (endpoint.scheme().equals("tcps")) {
                options.setSsl(true).setSslOptions(ClientTlsOptions.of(endpoint.tls(), endpoint.address()));
            }
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return result;
        }
        Context context = vertx.getOrCreateContext();
        context.runOnContext(v -> netClient.connect(options).onComplete(ar -> {
            if (ar.failed()) {
                result.completeExceptionally(ar.cause());
                return;
            }
            ConnectionLimits limits = settings.limits(endpoint.maxFrameBytes(), settings.idleTimeout());
            TcpConnection connection = TcpConnection.connected(vertx, Vertx.currentContext(), ar.result(), limits, token,
                    handlerFactory, result);
            long timer = vertx.setTimer(Math.max(1, endpoint.connectTimeout().toMillis()), t -> {
                if (!result.isDone()) {
                    result.completeExceptionally(new ConnectionClosedException(1006,
                            "no answer from " + endpoint.address() + " within " + endpoint.connectTimeout()));
                    connection.close(CloseCode.GOING_AWAY, "no answer");
                }
            });
            result.whenComplete((c, e) -> vertx.cancelTimer(timer));
        }));
        return result;
    }

    @Override
    public void close() {
        netClient.close();
        if (ownsVertx) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS)
                    .exceptionally(e -> null).join();
        }
    }
}
