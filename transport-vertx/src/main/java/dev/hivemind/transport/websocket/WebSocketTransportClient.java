package dev.hivemind.transport.websocket;

import dev.hivemind.api.error.ConnectionClosedException;
import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.transport.AuthorizationToken;
import dev.hivemind.api.transport.ClientEndpoint;
import dev.hivemind.api.transport.Connection;
import dev.hivemind.api.transport.ConnectionHandler;
import dev.hivemind.api.transport.TransportClient;
import dev.hivemind.transport.vertx.ClientTlsOptions;
import dev.hivemind.transport.vertx.CloseReasons;
import dev.hivemind.transport.vertx.ConnectionLimits;
import dev.hivemind.transport.vertx.SocketAddresses;
import dev.hivemind.transport.vertx.TransportSettings;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The WebSocket client. It connects exactly as hivemind_bus_client does: request target
 * {@code /?authorization=TOKEN} with the token unescaped. A refused upgrade (HTTP 401, 400, 503...) fails the
 * connect stage with a {@link ConnectionClosedException} carrying the status.
 */
public final class WebSocketTransportClient implements TransportClient {
    private static final System.Logger LOG = System.getLogger(WebSocketTransportClient.class.getName());

    private final Vertx vertx;
    private final boolean ownsVertx;
    private final TransportSettings settings;
    private final Map<Integer, WebSocketClient> clientsByFrameLimit = new ConcurrentHashMap<>();

    /** A client with its own single event loop, released by {@link #close()}. */
    public WebSocketTransportClient(PluginSettings settings) {
        this(null, settings);
    }

    /** A client on {@code vertx} (owned by the caller), or on its own event loop if {@code null}. */
    public WebSocketTransportClient(Vertx vertx, PluginSettings settings) {
        TransportSettings parsed = TransportSettings.from(settings == null ? PluginSettings.empty() : settings,
                dev.hivemind.api.transport.ServerTransportConfig.DEFAULT_MAX_FRAME_BYTES);
        this.settings = parsed;
        this.ownsVertx = vertx == null;
        this.vertx = vertx != null ? vertx : Vertx.vertx(new io.vertx.core.VertxOptions()
                .setEventLoopPoolSize(parsed.eventLoops() > 0 ? parsed.eventLoops() : 1));
    }

    @Override
    public CompletionStage<Connection> connect(ClientEndpoint endpoint, AuthorizationToken token,
            Function<Connection, ConnectionHandler> handlerFactory) {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(handlerFactory, "handlerFactory");
        CompletableFuture<Connection> result = new CompletableFuture<>();
        if (!WebSocketTransportFactory.SCHEMES.contains(endpoint.scheme())) {
            result.completeExceptionally(new IllegalArgumentException("the websocket transport handles ws and wss, not "
                    + endpoint.scheme()));
            return result;
        }
        boolean secure = endpoint.scheme().equals("wss");
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setHost(endpoint.host())
                .setPort(endpoint.port())
                .setURI(AuthorizationUri.requestTarget(token.encode()))
                .setSsl(secure)
                .setConnectTimeout(endpoint.connectTimeout().toMillis())
                .setTimeout(endpoint.connectTimeout().toMillis());
        try {
            if (secure) {
                options.setSslOptions(ClientTlsOptions.of(endpoint.tls(), endpoint.address()));
            }
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return result;
        }
        Context context = vertx.getOrCreateContext();
        context.runOnContext(v -> {
            ClientWebSocket socket = client(endpoint.maxFrameBytes()).webSocket();
            socket.connect(options).onComplete(ar -> {
                if (ar.failed()) {
                    result.completeExceptionally(connectFailure(ar.cause(), endpoint));
                    return;
                }
                ConnectionLimits limits = settings.limits(endpoint.maxFrameBytes(), settings.idleTimeout());
                WebSocketConnection connection = new WebSocketConnection(WebSocketTransportFactory.NAME, vertx,
                        Vertx.currentContext(), socket, SocketAddresses.of(socket.remoteAddress()), limits);
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
        return result;
    }

    private WebSocketClient client(int maxFrameBytes) {
        return clientsByFrameLimit.computeIfAbsent(maxFrameBytes, max -> vertx.createWebSocketClient(
                new WebSocketClientOptions()
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
    public void close() {
        for (WebSocketClient c : clientsByFrameLimit.values()) {
            c.close();
        }
        clientsByFrameLimit.clear();
        if (ownsVertx) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS)
                    .exceptionally(e -> null).join();
        }
    }
}
