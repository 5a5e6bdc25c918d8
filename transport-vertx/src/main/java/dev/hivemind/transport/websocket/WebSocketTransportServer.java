package dev.hivemind.transport.websocket;

import dev.hivemind.api.error.CloseCode;
import dev.hivemind.api.transport.Admission;
import dev.hivemind.api.transport.AdmissionRequest;
import dev.hivemind.api.transport.AuthorizationToken;
import dev.hivemind.api.transport.ConnectionAcceptor;
import dev.hivemind.api.transport.ConnectionHandler;
import dev.hivemind.api.transport.ServerTransportConfig;
import dev.hivemind.transport.vertx.AbstractVertxServer;
import dev.hivemind.transport.vertx.ServerCertificates;
import dev.hivemind.transport.vertx.SocketAddresses;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
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
public final class WebSocketTransportServer extends AbstractVertxServer<HttpServerOptions> {
    private static final System.Logger LOG = System.getLogger(WebSocketTransportServer.class.getName());

    private final AtomicInteger pendingAdmissions = new AtomicInteger();
    private HttpServer server;

    /** A server that creates (and at stop closes) its own Vert.x instance. */
    public WebSocketTransportServer(ServerTransportConfig config, ConnectionAcceptor acceptor) {
        this(null, config, acceptor);
    }

    /** A server on {@code vertx}, which the caller owns (it is not closed at stop); {@code null} to create one. */
    public WebSocketTransportServer(Vertx vertx, ServerTransportConfig config, ConnectionAcceptor acceptor) {
        super(LOG, WebSocketTransportFactory.NAME, vertx, config, acceptor);
    }

    @Override
    protected HttpServerOptions serverOptions() {
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

    @Override
    protected Future<Integer> listen(HttpServerOptions options) {
        server = vertx().createHttpServer(options)
                .webSocketHandshakeHandler(this::onHandshake)
                .webSocketHandler(ws -> { })
                .requestHandler(req -> req.response().setStatusCode("/".equals(req.path()) ? 426 : 404).end());
        return server.listen().map(HttpServer::actualPort);
    }

    @Override
    protected Future<Void> closeServer() {
        return server == null ? Future.succeededFuture() : server.close();
    }

    @Override
    protected String scheme(boolean tls) {
        return tls ? "wss" : "ws";
    }

    // ------------------------------------------------------------------ before the upgrade

    private void onHandshake(ServerWebSocketHandshake handshake) {
        InetSocketAddress remote = SocketAddresses.of(handshake.remoteAddress());
        if (stopping()) {
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
        long timer = vertx().setTimer(settings.admissionTimeout().toMillis(), t -> {
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
            vertx().cancelTimer(timer);
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
        } else if (stopping()) {
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
        WebSocketConnection connection = new WebSocketConnection(WebSocketTransportFactory.NAME, vertx(), context,
                socket, remote, limits);
        track(connection);
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
}
