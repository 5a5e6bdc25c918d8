package dev.hivemind.transport.websocket;

import dev.hivemind.api.error.ConnectionClosedException;
import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.transport.AuthorizationToken;
import dev.hivemind.api.transport.ClientEndpoint;
import dev.hivemind.api.transport.Connection;
import dev.hivemind.api.transport.ConnectionHandler;
import dev.hivemind.transport.vertx.AbstractVertxClient;
import dev.hivemind.transport.vertx.CloseReasons;
import dev.hivemind.transport.vertx.SocketAddresses;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.net.ClientSSLOptions;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The WebSocket client. It connects exactly as hivemind_bus_client does: request target
 * {@code /?authorization=TOKEN} with the token unescaped. A refused upgrade (HTTP 401, 400, 503...) fails the
 * connect stage with a {@link ConnectionClosedException} carrying the status.
 */
public final class WebSocketTransportClient extends AbstractVertxClient {
    private static final System.Logger LOG = System.getLogger(WebSocketTransportClient.class.getName());

    private final Map<Integer, WebSocketClient> clientsByFrameLimit = new ConcurrentHashMap<>();

    /** A client with its own single event loop, released by {@link #close()}. */
    public WebSocketTransportClient(PluginSettings settings) {
        this(null, settings);
    }

    /** A client on {@code vertx} (owned by the caller), or on its own event loop if {@code null}. */
    public WebSocketTransportClient(Vertx vertx, PluginSettings settings) {
        super(WebSocketTransportFactory.NAME, "ws", "wss", vertx, settings);
    }

    @Override
    protected void dial(ClientEndpoint endpoint, AuthorizationToken token,
            Function<Connection, ConnectionHandler> handlerFactory, ClientSSLOptions tls,
            CompletableFuture<Connection> result) {
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setHost(endpoint.host())
                .setPort(endpoint.port())
                .setURI(AuthorizationUri.requestTarget(token.encode()))
                .setSsl(tls != null)
                .setConnectTimeout(endpoint.connectTimeout().toMillis())
                .setTimeout(endpoint.connectTimeout().toMillis());
        if (tls != null) {
            options.setSslOptions(tls);
        }
        Context context = vertx.getOrCreateContext();
        context.runOnContext(v -> {
            ClientWebSocket socket = client(endpoint.maxFrameBytes()).webSocket();
            socket.connect(options).onComplete(ar -> {
                if (ar.failed()) {
                    result.completeExceptionally(connectFailure(ar.cause(), endpoint));
                    return;
                }
                WebSocketConnection connection = new WebSocketConnection(WebSocketTransportFactory.NAME, vertx,
                        Vertx.currentContext(), socket, SocketAddresses.of(socket.remoteAddress()),
                        limitsFor(endpoint));
                ConnectionHandler handler;
                try {
                    handler = handlerFactory.apply(connection);
                } catch (RuntimeException e) {
                    connection.abort(dev.hivemind.api.error.CloseCode.INTERNAL_ERROR, "internal error");
                    result.completeExceptionally(e);
                    return;
                }
                connection.open(handler);
                result.complete(connection);
            });
        });
    }

    private WebSocketClient client(int maxFrameBytes) {
        return clientsByFrameLimit.computeIfAbsent(maxFrameBytes, max -> vertx.createWebSocketClient(
                new WebSocketClientOptions()
                        // Vert.x queues connects beyond 50 per host until one closes: one client may hold many
                        // sessions (a load generator, a bridge)
                        .setMaxConnections(1_000_000)
                        .setMaxFrameSize(max)
                        .setMaxMessageSize(max)
                        .setTryUsePerFrameCompression(false)
                        .setTryUsePerMessageCompression(false)
                        .setClosingTimeout((int) Math.max(1, (settings.closingTimeout().toMillis() + 999) / 1000))));
    }

    private static Throwable connectFailure(Throwable cause, ClientEndpoint endpoint) {
        if (cause instanceof UpgradeRejectedException rejected) {
            String body = rejected.getBody() == null ? "" : rejected.getBody().toString(StandardCharsets.UTF_8);
            String reason = CloseReasons.truncate(body.isBlank() ? "upgrade refused" : body.strip());
            LOG.log(Level.INFO, "websocket: {0} refused the connection with HTTP {1,number,#}", endpoint.address(),
                    rejected.getStatus());
            return new ConnectionClosedException(rejected.getStatus(), reason);
        }
        return cause;
    }

    @Override
    protected void closeClients() {
        for (WebSocketClient c : clientsByFrameLimit.values()) {
            c.close();
        }
        clientsByFrameLimit.clear();
    }
}
