package dev.hivemind.transport.tcp;

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
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TCP server: a Vert.x {@link NetServer} speaking the HiveMind TCP framing. A connection must send AUTH first
 * and be admitted within the admission timeout; the engine's answer opens it or closes it with the rejection's code.
 * Until then it holds a {@link PendingConnections} place (capped per address; the oldest evicted when all are taken).
 */
public final class TcpTransportServer extends AbstractVertxServer<NetServerOptions> {
    private static final Logger LOG = LoggerFactory.getLogger(TcpTransportServer.class);

    private NetServer server;
    private PendingConnections pending;

    /** A server that creates (and at stop closes) its own Vert.x instance. */
    public TcpTransportServer(ServerTransportConfig config, ConnectionAcceptor acceptor) {
        this(null, config, acceptor);
    }

    /** A server on {@code vertx}, which the caller owns; {@code null} to create one. */
    public TcpTransportServer(Vertx vertx, ServerTransportConfig config, ConnectionAcceptor acceptor) {
        super(LOG, TcpTransportFactory.NAME, vertx, config, acceptor);
    }

    @Override
    protected NetServerOptions serverOptions() {
        NetServerOptions options = new NetServerOptions().setHost(config.host()).setPort(config.port()).setTcpNoDelay(true);
        if (!limits.idleTimeout().isZero()) {
            options.setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                    .setWriteIdleTimeout((int) Math.min(Integer.MAX_VALUE, limits.stalledWriteTimeout().toMillis()));
        }
        if (settings.sendBufferBytes() > 0) {
            options.setSendBufferSize(settings.sendBufferBytes());
        }
        if (config.tls().enabled()) {
            options.setSsl(true).setKeyCertOptions(ServerCertificates.prepare(config, TcpTransportFactory.NAME));
        }
        return options;
    }

    @Override
    protected Future<Integer> listen(NetServerOptions options) {
        pending = new PendingConnections(vertx(), settings.maxPendingAdmissions(), settings.maxPendingPerAddress(),
                settings.admissionTimeout());
        server = vertx().createNetServer(options).connectHandler(this::onSocket);
        return server.listen().map(NetServer::actualPort);
    }

    @Override
    protected Future<Void> closeServer() {
        return server == null ? Future.succeededFuture() : server.close();
    }

    @Override
    protected String scheme(boolean tls) {
        return tls ? "tcps" : "tcp";
    }

    private void onSocket(NetSocket socket) {
        Context context = Vertx.currentContext();
        TcpConnection connection = TcpConnection.accepted(vertx(), context, socket, limits, this::admit);
        if (stopping()) {
            LOG.info("tcp: refusing {}: server stopping", connection.remoteAddress());
            connection.refuse(CloseCode.TRY_AGAIN_LATER, "server stopping");
            return;
        }
        Optional<PendingConnections.Slot> slot = pending.take(connection.remoteAddress(), () -> {
            LOG.info("tcp: {} was not admitted within {}; closing", connection.remoteAddress(),
                    settings.admissionTimeout());
            connection.refuse(CloseCode.POLICY_VIOLATION, "authentication timeout");
        }, () -> {
            LOG.info("tcp: {} evicted: the oldest of {} connections waiting for admission",
                    connection.remoteAddress(), settings.maxPendingAdmissions());
            connection.refuse(CloseCode.TRY_AGAIN_LATER, "server busy");
        });
        if (slot.isEmpty()) {
            LOG.info("tcp: refusing {}: {} connections from its address wait for admission",
                    connection.remoteAddress(), settings.maxPendingPerAddress());
            connection.refuse(CloseCode.TRY_AGAIN_LATER, "server busy");
            return;
        }
        track(connection);
        connection.closedFuture().whenComplete((v, e) -> slot.get().release());
        connection.onAdmitted(slot.get()::release);
    }

    /** AUTH arrived: ask the engine, then come back to the connection's event loop. */
    private void admit(TcpConnection connection, String token) {
        InetSocketAddress remote = connection.remoteAddress();
        if (AuthorizationToken.parse(token).isEmpty()) {
            reject(connection, Admission.Rejected.malformedToken());
            return;
        }
        CompletionStage<Admission> admission;
        try {
            admission = acceptor.admit(new AdmissionRequest(token, TcpTransportFactory.NAME, remote));
        } catch (RuntimeException e) {
            admission = CompletableFuture.failedFuture(e);
        }
        admission.whenComplete((result, error) -> connection.executor().execute(() -> {
            if (!connection.isOpen()) {
                return;
            }
            if (error != null || result == null) {
                LOG.error("tcp: admission of " + remote + " failed", error);
                connection.refuse(CloseCode.INTERNAL_ERROR, CloseCode.INTERNAL_ERROR.defaultReason());
            } else if (result instanceof Admission.Rejected rejected) {
                reject(connection, rejected);
            } else if (stopping()) {
                connection.refuse(CloseCode.GOING_AWAY, "server stopping");
            } else {
                open(connection, (Admission.Accepted) result);
            }
        }));
    }

    private static void reject(TcpConnection connection, Admission.Rejected rejected) {
        LOG.info("tcp: refused {} with {}: {}", connection.remoteAddress(),
                rejected.closeCode().code(), rejected.reason());
        connection.refuse(rejected.closeCode(), rejected.reason());
    }

    private void open(TcpConnection connection, Admission.Accepted accepted) {
        ConnectionHandler handler;
        try {
            handler = acceptor.open(connection, accepted);
        } catch (RuntimeException e) {
            LOG.error("tcp: the engine could not open " + connection.id(), e);
            connection.refuse(CloseCode.INTERNAL_ERROR, CloseCode.INTERNAL_ERROR.defaultReason());
            return;
        }
        LOG.debug("tcp: {} open from {} ({})", connection.id(), connection.remoteAddress(),
                LogSafe.text(accepted.userAgent()));
        connection.admitted(handler);
    }
}
