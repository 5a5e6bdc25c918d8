package dev.hivemind.transport.websocket;

import dev.hivemind.api.error.CloseCode;
import dev.hivemind.api.transport.Admission;
import dev.hivemind.api.transport.AdmissionRequest;
import dev.hivemind.api.transport.AuthorizationToken;
import dev.hivemind.api.transport.ConnectionAcceptor;
import dev.hivemind.api.transport.ConnectionHandler;
import dev.hivemind.api.transport.ServerTransportConfig;
import dev.hivemind.api.transport.TransportServer;
import dev.hivemind.transport.vertx.ConnectionLimits;
import dev.hivemind.transport.vertx.ServerCertificates;
import dev.hivemind.transport.vertx.TransportSettings;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The WebSocket server: a Vert.x {@link HttpServer} that serves the single route {@code /}. Each upgrade request is
 * admitted by the engine <em>before</em> the upgrade is accepted (HTTP 400 for a missing or malformed token, the
 * rejection's status, usually 401, for an unknown key); accepted sockets become {@link WebSocketConnection}s.
 *
 * <p>It runs on a Vert.x instance it is given (for example a verticle's), or on one it creates and closes itself.
 */
public final class WebSocketTransportServer implements TransportServer {
    private static final System.Logger LOG = System.getLogger(WebSocketTransportServer.class.getName());

    private final Vertx givenVertx;
    private final ServerTransportConfig config;
    private final ConnectionAcceptor acceptor;
    private final TransportSettings settings;
    private final ConnectionLimits limits;
    private final Set<WebSocketConnection> live = ConcurrentHashMap.newKeySet();
    private final AtomicInteger pendingAdmissions = new AtomicInteger();
    private volatile boolean stopping;
    private Vertx vertx;
    private HttpServer server;
    private CompletableFuture<InetSocketAddress> started;
    private CompletableFuture<Void> stopped;

    /** A server that creates (and at stop closes) its own Vert.x instance. */
    public WebSocketTransportServer(ServerTransportConfig config, ConnectionAcceptor acceptor) {
        this(null, config, acceptor);
    }

    /** A server on {@code vertx}, which the caller owns (it is not closed at stop); {@code null} to create one. */
    public WebSocketTransportServer(Vertx vertx, ServerTransportConfig config, ConnectionAcceptor acceptor) {
        this.givenVertx = vertx;
        this.config = Objects.requireNonNull(config, "config");
        this.acceptor = Objects.requireNonNull(acceptor, "acceptor");
        this.settings = TransportSettings.from(config.settings(), config.maxFrameBytes());
        this.limits = settings.limits(config.maxFrameBytes(), config.idleTimeout());
    }

    @Override
    public synchronized CompletionStage<InetSocketAddress> start() {
        if (started != null) {
            return started;
        }
        started = new CompletableFuture<>();
        vertx = givenVertx != null ? givenVertx : Vertx.vertx(vertxOptions(settings));
        vertx.executeBlocking(this::httpOptions)
                .compose(options -> {
                    server = vertx.createHttpServer(options)
                            .webSocketHandshakeHandler(this::onHandshake)
                            .webSocketHandler(ws -> { })
                            .requestHandler(req -> req.response().setStatusCode("/".equals(req.path()) ? 426 : 404).end());
                    return server.listen();
                })
                .onSuccess(s -> {
                    InetSocketAddress bound = new InetSocketAddress(config.host(), s.actualPort());
                    LOG.log(Level.INFO, "websocket: listening on {0}://{1}:{2,number,#}", config.tls().enabled() ? "wss" : "ws",
                            config.host(), s.actualPort());
                    started.complete(bound);
                })
                .onFailure(e -> {
                    LOG.log(Level.ERROR, "websocket: could not start on " + config.host() + ":" + config.port(), e);
                    if (givenVertx == null) {
                        vertx.close();
                    }
                    started.completeExceptionally(e);
                });
        return started;
    }

    static VertxOptions vertxOptions(TransportSettings settings) {
        VertxOptions options = new VertxOptions();
        if (settings.eventLoops() > 0) {
            options.setEventLoopPoolSize(settings.eventLoops());
        }
        return options;
    }

    private HttpServerOptions httpOptions() {
        HttpServerOptions options = new HttpServerOptions()
                .setHost(config.host())
                .setPort(config.port())
                .setMaxWebSocketFrameSize(config.maxFrameBytes())
                .setMaxWebSocketMessageSize(config.maxFrameBytes())
                .setPerMessageWebSocketCompressionSupported(false)
                .setPerFrameWebSocketCompressionSupported(false)
                .setCompressionSupported(false)
                .setMaxInitialLineLength(AuthorizationToken.MAX_TOKEN_CHARS + 256)
                .setWebSocketClosingTimeout((int) Math.max(1, (limits.closingTimeout().toMillis() + 999) / 1000))
                .setTcpNoDelay(true);
        if (settings.sendBufferBytes() > 0) {
            options.setSendBufferSize(settings.sendBufferBytes());
        }
        if (!limits.idleTimeout().isZero()) {
            // a backstop for sockets that never send a request (or stop mid-request); after the upgrade the
            // connection's own watchdog closes a silent peer first, with a close frame
            options.setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                    .setReadIdleTimeout((int) Math.min(Integer.MAX_VALUE,
                            limits.idleTimeout().plus(limits.closingTimeout()).toMillis()));
        }
        if (config.tls().enabled()) {
            options.setSsl(true).setKeyCertOptions(ServerCertificates.prepare(config, WebSocketTransportFactory.NAME));
        }
        return options;
    }

    // ------------------------------------------------------------------ before the upgrade

    private void onHandshake(ServerWebSocketHandshake handshake) {
        InetSocketAddress remote = WebSocketConnection.address(handshake.remoteAddress());
        if (stopping) {
            refuse(handshake, 503, remote, "server stopping");
            return;
        }
        if (!"/".equals(handshake.path())) {
            refuse(handshake, 404, remote, "no such path");
            return;
        }
        String token = AuthorizationUri.tokenOf(handshake.uri());
        if (token == null || AuthorizationToken.parse(token).isEmpty()) {
            refuse(handshake, 400, remote, token == null ? "no authorization token" : "malformed authorization token");
            return;
        }
        if (pendingAdmissions.incrementAndGet() > settings.maxPendingAdmissions()) {
            pendingAdmissions.decrementAndGet();
            refuse(handshake, 503, remote, "too many connections waiting for admission");
            return;
        }
        Context context = Vertx.currentContext();
        AtomicBoolean decided = new AtomicBoolean();
        long timer = vertx.setTimer(settings.admissionTimeout().toMillis(), t -> {
            if (decided.compareAndSet(false, true)) {
                pendingAdmissions.decrementAndGet();
                refuse(handshake, 503, remote, "admission timed out");
            }
        });
        CompletionStage<Admission> admission;
        try {
            admission = acceptor.admit(new AdmissionRequest(token, WebSocketTransportFactory.NAME, remote));
        } catch (RuntimeException e) {
            admission = CompletableFuture.failedFuture(e);
        }
        admission.whenComplete((result, error) -> context.runOnContext(v -> {
            if (!decided.compareAndSet(false, true)) {
                return;
            }
            vertx.cancelTimer(timer);
            pendingAdmissions.decrementAndGet();
            decide(handshake, context, remote, result, error);
        }));
    }

    private void decide(ServerWebSocketHandshake handshake, Context context, InetSocketAddress remote, Admission admission,
            Throwable error) {
        if (error != null || admission == null) {
            LOG.log(Level.ERROR, "websocket: admission of " + remote + " failed", error);
            refuse(handshake, 500, remote, "admission failed");
        } else if (admission instanceof Admission.Rejected rejected) {
            refuse(handshake, rejected.httpStatus(), remote, rejected.reason());
        } else if (stopping) {
            refuse(handshake, 503, remote, "server stopping");
        } else {
            Admission.Accepted accepted = (Admission.Accepted) admission;
            handshake.accept().onComplete(ar -> {
                if (ar.failed()) {
                    LOG.log(Level.DEBUG, "websocket: upgrade of {0} failed: {1}", remote, String.valueOf(ar.cause()));
                } else {
                    open(ar.result(), context, remote, accepted);
                }
            });
        }
    }

    private static void refuse(ServerWebSocketHandshake handshake, int status, InetSocketAddress remote, String reason) {
        LOG.log(Level.INFO, "websocket: refused {0} with HTTP {1,number,#}: {2}", remote, status, reason);
        handshake.reject(status);
    }

    // ------------------------------------------------------------------ after the upgrade

    private void open(ServerWebSocket socket, Context context, InetSocketAddress remote, Admission.Accepted accepted) {
        WebSocketConnection connection = new WebSocketConnection(WebSocketTransportFactory.NAME, vertx, context, socket,
                remote, limits);
        live.add(connection);
        connection.closedFuture().whenComplete((v, e) -> live.remove(connection));
        if (socket.isClosed()) {
            connection.closedBeforeOpen();
            return;
        }
        ConnectionHandler handler;
        try {
            handler = acceptor.open(connection, accepted);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "websocket: the engine could not open " + connection.id(), e);
            connection.abort(CloseCode.INTERNAL_ERROR, CloseCode.INTERNAL_ERROR.defaultReason());
            return;
        }
        LOG.log(Level.DEBUG, "websocket: {0} open from {1} ({2})", connection.id(), remote, accepted.userAgent());
        connection.open(handler);
    }

    // ------------------------------------------------------------------ stop

    @Override
    public synchronized CompletionStage<Void> stop() {
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
        for (WebSocketConnection c : List.copyOf(live)) {
            c.close(CloseCode.GOING_AWAY, "server stopping");
            closing.add(c.closedFuture());
        }
        Duration grace = limits.closingTimeout().plusSeconds(1);
        CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new))
                .orTimeout(grace.toMillis(), TimeUnit.MILLISECONDS)
                .handle((v, e) -> null)
                .thenCompose(v -> server == null ? CompletableFuture.completedFuture(null)
                        : server.close().toCompletionStage().handle((x, e) -> null))
                .thenCompose(v -> givenVertx == null ? vertx.close().toCompletionStage().handle((x, e) -> null)
                        : CompletableFuture.completedFuture(null))
                .whenComplete((v, e) -> {
                    LOG.log(Level.INFO, "websocket: stopped");
                    stopped.complete(null);
                });
        return stopped;
    }

    /** Connections currently open (for monitoring). */
    public int openConnections() {
        return live.size();
    }

}
