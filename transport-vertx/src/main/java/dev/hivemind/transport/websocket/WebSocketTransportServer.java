package dev.hivemind.transport.websocket;

import dev.hivemind.api.error.CloseCode;
import dev.hivemind.api.log.LogSafe;
import dev.hivemind.api.transport.Admission;
import dev.hivemind.api.transport.AdmissionRequest;
import dev.hivemind.api.transport.AuthorizationToken;
import dev.hivemind.api.transport.ConnectionAcceptor;
import dev.hivemind.api.transport.ConnectionHandler;
import dev.hivemind.api.transport.ServerTransportConfig;
import dev.hivemind.transport.vertx.AbstractVertxServer;
import dev.hivemind.transport.vertx.PendingConnections;
import dev.hivemind.transport.vertx.ServerCertificates;
import dev.hivemind.transport.vertx.SocketAddresses;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket server: a Vert.x {@link HttpServer} that serves the single route {@code /}. Each upgrade request is
 * admitted by the engine <em>before</em> the upgrade is accepted (HTTP 400 for a missing or malformed token, the
 * rejection's status, usually 401, for an unknown key); accepted sockets become {@link WebSocketConnection}s.
 *
 * <p>Every TCP connection holds a {@link PendingConnections} place from its first byte until its upgrade is accepted
 * (capped per address; the oldest evicted when all are taken; closed at the admission deadline).
 *
 * <p>It runs on a Vert.x instance it is given (for example a verticle's), or on one it creates and closes itself.
 */
public final class WebSocketTransportServer extends AbstractVertxServer<HttpServerOptions> {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketTransportServer.class);

    private final AtomicInteger pendingAdmissions = new AtomicInteger();
    private final Map<String, WaitingUpgrade> upgrading = new ConcurrentHashMap<>();
    private HttpServer server;
    private PendingConnections pending;

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
                // HTTP/1.1 only: without h2c detection Vert.x creates the connection (and calls the connection
                // handler, which starts the admission deadline) as the socket is accepted, not at its first byte
                .setHttp2ClearTextEnabled(false)
                .setMaxInitialLineLength(AuthorizationToken.MAX_TOKEN_CHARS + 256)
                .setWebSocketClosingTimeout((int) Math.max(1, (limits.closingTimeout().toMillis() + 999) / 1000))
                .setTcpNoDelay(true);
        if (settings.sendBufferBytes() > 0) {
            options.setSendBufferSize(settings.sendBufferBytes());
        }
        if (!limits.idleTimeout().isZero()) {
            // backstops: a socket silent for longer than the connection's own watchdog allows (which closes a silent
            // peer first, with a close frame), and a peer that stopped reading (no write completes)
            options.setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                    .setReadIdleTimeout((int) Math.min(Integer.MAX_VALUE,
                            limits.idleTimeout().plus(limits.closingTimeout()).toMillis()))
                    .setWriteIdleTimeout((int) Math.min(Integer.MAX_VALUE, limits.stalledWriteTimeout().toMillis()));
        }
        if (config.tls().enabled()) {
            options.setSsl(true).setKeyCertOptions(ServerCertificates.prepare(config, WebSocketTransportFactory.NAME));
        }
        return options;
    }

    @Override
    protected Future<Integer> listen(HttpServerOptions options) {
        pending = new PendingConnections(vertx(), settings.maxPendingAdmissions(), settings.maxPendingPerAddress(),
                settings.admissionTimeout());
        server = vertx().createHttpServer(options)
                .connectionHandler(this::onConnection)
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

    /** Connections accepted whose upgrade is not done yet (not yet requested, or waiting for admission). */
    public int upgradesInProgress() {
        return upgrading.size();
    }

    // ------------------------------------------------------------------ before the upgrade

    /**
     * A TCP connection arrived, before any byte of its request: it holds a pending place until its upgrade is
     * accepted, and is closed at the admission deadline if that has not happened (a socket that never sends its
     * request, or never completes it, does not live until the idle timeout).
     */
    private void onConnection(HttpConnection connection) {
        InetSocketAddress remote = SocketAddresses.of(connection.remoteAddress());
        WaitingUpgrade waiting = new WaitingUpgrade(connection);
        Optional<PendingConnections.Slot> slot = pending.take(remote,
                () -> endWaiting(waiting, remote, "did not complete its upgrade within " + settings.admissionTimeout()),
                () -> endWaiting(waiting, remote, "evicted: the oldest of " + settings.maxPendingAdmissions()
                        + " connections waiting for their upgrade"));
        if (slot.isEmpty()) {
            LOG.info("websocket: refusing {}: {} connections from its address wait for their upgrade",
                    remote, settings.maxPendingPerAddress());
            connection.close();
            return;
        }
        waiting.slot(slot.get());
        String key = keyOf(connection.remoteAddress());
        upgrading.put(key, waiting);
        connection.closeHandler(v -> {
            slot.get().release();
            upgrading.remove(key, waiting);
        });
    }

    /**
     * A waiting connection's place was taken back (its deadline, or a newcomer needed it): one whose request was read
     * and waits for its admission is refused with 503 and closed; one that sent no request yet is closed.
     */
    private void endWaiting(WaitingUpgrade waiting, InetSocketAddress remote, String why) {
        LOG.info("websocket: {} {}; closing", remote, why);
        WaitingUpgrade.Request request = waiting.waitingRequest();
        if (request != null && request.decide()) {
            vertx().cancelTimer(request.admissionTimer());
            pendingAdmissions.decrementAndGet();
            refuse(request.handshake, 503, remote, "no place left waiting for admission")
                    .onComplete(ar -> waiting.connection.close());
        } else {
            waiting.connection.close();
        }
    }

    private static String keyOf(io.vertx.core.net.SocketAddress address) {
        return address == null ? "" : address.hostAddress() + ":" + address.port();
    }

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
        WaitingUpgrade.Request request = new WaitingUpgrade.Request(handshake);
        WaitingUpgrade waiting = upgrading.get(keyOf(handshake.remoteAddress()));
        if (waiting != null) { // else it left already
            waiting.requested(request);
        }
        request.admissionTimer(vertx().setTimer(settings.admissionTimeout().toMillis(), t -> {
            if (request.decide()) {
                pendingAdmissions.decrementAndGet();
                refuse(handshake, 503, remote, "admission timed out");
            }
        }));
        CompletionStage<Admission> admission;
        try {
            admission = acceptor.admit(new AdmissionRequest(token, WebSocketTransportFactory.NAME, remote));
        } catch (RuntimeException e) {
            admission = CompletableFuture.failedFuture(e);
        }
        admission.whenComplete((result, error) -> context.runOnContext(v -> {
            if (!request.decide()) {
                return;
            }
            vertx().cancelTimer(request.admissionTimer());
            pendingAdmissions.decrementAndGet();
            decide(handshake, context, remote, result, error);
        }));
    }

    private void decide(ServerWebSocketHandshake handshake, Context context, InetSocketAddress remote, Admission admission,
            Throwable error) {
        if (error != null || admission == null) {
            LOG.error("websocket: admission of " + remote + " failed", error);
            refuse(handshake, 500, remote, "admission failed");
        } else if (admission instanceof Admission.Rejected rejected) {
            refuse(handshake, rejected.httpStatus(), remote, rejected.reason());
        } else if (stopping()) {
            refuse(handshake, 503, remote, "server stopping");
        } else if (!upgrading.containsKey(keyOf(handshake.remoteAddress()))) {
            // the peer left while it was being admitted: its socket is closed (this runs on the socket's event loop,
            // after its close handler), and upgrading it now would fail inside Vert.x
            LOG.debug("websocket: {} left before its upgrade", remote);
        } else {
            upgrade(handshake, context, remote, (Admission.Accepted) admission);
        }
    }

    private void upgrade(ServerWebSocketHandshake handshake, Context context, InetSocketAddress remote,
            Admission.Accepted accepted) {
        Future<ServerWebSocket> upgraded;
        try {
            upgraded = handshake.accept();
        } catch (RuntimeException e) {
            // a socket that closed while the 101 was being written: Vert.x fails to fall back to an error status
            upgraded = Future.failedFuture(e);
        }
        upgraded.onComplete(ar -> {
            WaitingUpgrade waiting = upgrading.remove(keyOf(handshake.remoteAddress()));
            if (waiting != null) {
                waiting.slot().release();
            }
            if (ar.failed()) {
                LOG.debug("websocket: upgrade of {} failed: {}", remote, String.valueOf(ar.cause()));
            } else {
                open(ar.result(), context, remote, accepted);
            }
        });
    }

    private static Future<Void> refuse(ServerWebSocketHandshake handshake, int status, InetSocketAddress remote,
            String reason) {
        LOG.info("websocket: refused {} with HTTP {}: {}", remote, status, reason);
        return handshake.reject(status);
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
            LOG.error("websocket: the engine could not open " + connection.id(), e);
            connection.abort(CloseCode.INTERNAL_ERROR, CloseCode.INTERNAL_ERROR.defaultReason());
            return;
        }
        LOG.debug("websocket: {} open from {} ({})", connection.id(), remote,
                LogSafe.text(accepted.userAgent()));
        connection.open(handler);
    }
}
