package dev.hivemind.transport.tcp;

import dev.hivemind.api.error.CloseCode;
import dev.hivemind.api.error.ConnectionClosedException;
import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.transport.AuthorizationToken;
import dev.hivemind.api.transport.ClientEndpoint;
import dev.hivemind.api.transport.Connection;
import dev.hivemind.api.transport.ConnectionHandler;
import dev.hivemind.transport.vertx.AbstractVertxClient;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.ConnectOptions;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The TCP client: connects, sends AUTH, and completes the connect stage when the server's first data frame
 * arrives; a CLOSE instead (an unknown key: 1008 "invalid access key") fails it with a
 * {@link ConnectionClosedException}, as does silence until the endpoint's connect timeout.
 */
public final class TcpTransportClient extends AbstractVertxClient {
    private final NetClient netClient;

    /** A client with its own single event loop, released by {@link #close()}. */
    public TcpTransportClient(PluginSettings settings) {
        this(null, settings);
    }

    /** A client on {@code vertx} (owned by the caller), or on its own event loop if {@code null}. */
    public TcpTransportClient(Vertx vertx, PluginSettings settings) {
        super(TcpTransportFactory.NAME, "tcp", "tcps", vertx, settings);
        this.netClient = this.vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true));
    }

    @Override
    protected void dial(ClientEndpoint endpoint, AuthorizationToken token,
            Function<Connection, ConnectionHandler> handlerFactory, ClientSSLOptions tls,
            CompletableFuture<Connection> result) {
        ConnectOptions options = new ConnectOptions().setHost(endpoint.host()).setPort(endpoint.port())
                .setTimeout((int) Math.min(Integer.MAX_VALUE, endpoint.connectTimeout().toMillis()));
        if (tls != null) {
            options.setSsl(true).setSslOptions(tls);
        }
        Context context = vertx.getOrCreateContext();
        context.runOnContext(v -> netClient.connect(options).onComplete(ar -> {
            if (ar.failed()) {
                result.completeExceptionally(ar.cause());
                return;
            }
            TcpConnection connection = TcpConnection.connected(vertx, Vertx.currentContext(), ar.result(),
                    limitsFor(endpoint), token, handlerFactory, result);
            long timer = vertx.setTimer(Math.max(1, endpoint.connectTimeout().toMillis()), t -> {
                if (!result.isDone()) {
                    result.completeExceptionally(new ConnectionClosedException(1006,
                            "no answer from " + endpoint.address() + " within " + endpoint.connectTimeout().toMillis()
                                    + " ms"));
                    connection.close(CloseCode.GOING_AWAY, "no answer");
                }
            });
            result.whenComplete((c, e) -> vertx.cancelTimer(timer));
        }));
    }

    @Override
    protected void closeClients() {
        netClient.close();
    }
}
