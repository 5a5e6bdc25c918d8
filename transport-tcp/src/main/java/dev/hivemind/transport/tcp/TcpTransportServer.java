package dev.hivemind.transport.tcp;

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
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The TCP server: a Vert.x {@link NetServer} speaking the HiveMind TCP framing. A connection must send AUTH first
 * and within the admission timeout; the engine's answer opens it or closes it with the rejection's code.
 */
public final class TcpTransportServer implements TransportServer {
    private static final System.Logger LOG = System.getLogger(TcpTransportServer.class.getName());

    private final Vertx givenVertx;
    private final ServerTransportConfig config;
    private final ConnectionAcceptor acceptor;
    private final TransportSettings settings;
    private final ConnectionLimits limits;
    private final Set<TcpConnection> live = ConcurrentHashMap.newKeySet();
    private final AtomicInteger unauthenticated = new AtomicInteger();
    private volatile boolean stopping;
    private Vertx vertx;
    private NetServer server;
    private CompletableFuture<InetSocketAddress> started;
    private CompletableFuture<Void> stopped;

    /** A server that creates (and at stop closes) its own Vert.x instance. */
    public TcpTransportServer(ServerTransportConfig config, ConnectionAcceptor acceptor) {
        this(null, config, acceptor);
    }

    /** A server on {@code vertx}, which the caller owns; {@code null} to create one. */
    public TcpTransportServer(Vertx vertx, ServerTransportConfig config, ConnectionAcceptor acceptor) {
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
        VertxOptions vertxOptions = new VertxOptions();
        if (settings.eventLoops() > 0) {
            vertxOptions.setEventLoopPoolSize(settings.eventLoops());
        }
        vertx = givenVertx != null ? givenVertx : Vertx.vertx(vertxOptions);
        vertx.executeBlocking(this::netOptions)
                .compose(options -> {
                    server = vertx.createNetServer(options).connectHandler(this::onSocket);
                    return server.listen();
                })
                .onSuccess(s -> {
                    LOG.log(Level.INFO, "tcp: listening on {0}://{1}:{2,number,#}", config.tls().enabled() ? "tcps" : "tcp",
                            config.host(), s.actualPort());
                    started.complete(new InetSocketAddress(config.host(), s.actualPort()));
                })
                .onFailure(e -> {
                    LOG.log(Level.ERROR, "tcp: could not start on " + config.host() + ":" + config.port(), e);
                    if (givenVertx == null) {
                        vertx.close();
                    }
                    started.completeExceptionally(e);
                });
        return started;
    }

    private NetServerOptions netOptions() {
        NetServerOptions options = new NetServerOptions().setHost(config.host()).setPort(config.port()).setTcpNoDelay(true);
        if (settings.sendBufferBytes() > 0) {
            options.setSendBufferSize(settings.sendBufferBytes());
        }
        if (config.tls().enabled()) {
            options.setSsl(true).setKeyCertOptions(ServerCertificates.prepare(config, TcpTransportFactory.NAME));
        }
        return options;
    }

    private void onSocket(NetSocket socket) {
        Context context = Vertx.currentContext();
        TcpConnection connection = TcpConnection.accepted(vertx, context, socket, limits, this::admit);
        if (stopping || unauthenticated.incrementAndGet() > settings.maxPendingAdmissions()) {
            if (!stopping) {
                unauthenticated.decrementAndGet();
            }
            LOG.log(Level.INFO, "tcp: refusing {0}: {1}", connection.remoteAddress(),
                    stopping ? "server stopping" : "too many connections waiting for admission");
            connection.refuse(CloseCode.TRY_AGAIN_LATER, stopping ? "server stopping" : "server busy");
            return;
        }
        live.add(connection);
        long timer = vertx.setTimer(settings.admissionTimeout().toMillis(), t -> {
            if (!connection.established() && connection.isOpen()) {
                LOG.log(Level.INFO, "tcp: {0} was not admitted within {1}; closing", connection.remoteAddress(),
                        settings.admissionTimeout());
                connection.refuse(CloseCode.POLICY_VIOLATION, "authentication timeout");
            }
        });
        connection.closedFuture().whenComplete((v, e) -> {
            vertx.cancelTimer(timer);
            live.remove(connection);
            if (!connection.established()) {
                unauthenticated.decrementAndGet();
            }
        });
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
                LOG.log(Level.ERROR, "tcp: admission of " + remote + " failed", error);
                connection.refuse(CloseCode.INTERNAL_ERROR, CloseCode.INTERNAL_ERROR.defaultReason());
            } else if (result instanceof Admission.Rejected rejected) {
                reject(connection, rejected);
            } else if (stopping) {
                connection.refuse(CloseCode.GOING_AWAY, "server stopping");
            } else {
                open(connection, (Admission.Accepted) result);
            }
        }));
    }

    private static void reject(TcpConnection connection, Admission.Rejected rejected) {
        LOG.log(Level.INFO, "tcp: refused {0} with {1,number,#}: {2}", connection.remoteAddress(),
                rejected.closeCode().code(), rejected.reason());
        connection.refuse(rejected.closeCode(), rejected.reason());
    }

    private void open(TcpConnection connection, Admission.Accepted accepted) {
        ConnectionHandler handler;
        try {
            handler = acceptor.open(connection, accepted);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "tcp: the engine could not open " + connection.id(), e);
            connection.refuse(CloseCode.INTERNAL_ERROR, CloseCode.INTERNAL_ERROR.defaultReason());
            return;
        }
        LOG.log(Level.DEBUG, "tcp: {0} open from {1} ({2})", connection.id(), connection.remoteAddress(),
                accepted.userAgent());
        connection.admitted(handler);
        if (connection.established()) {
            unauthenticated.decrementAndGet();
        }
    }

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
        for (TcpConnection c : List.copyOf(live)) {
            c.close(CloseCode.GOING_AWAY, "server stopping");
            closing.add(c.closedFuture());
        }
        CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new))
                .orTimeout(limits.closingTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS)
                .handle((v, e) -> null)
                .thenCompose(v -> server == null ? CompletableFuture.completedFuture(null)
                        : server.close().toCompletionStage().handle((x, e) -> null))
                .thenCompose(v -> givenVertx == null ? vertx.close().toCompletionStage().handle((x, e) -> null)
                        : CompletableFuture.completedFuture(null))
                .whenComplete((v, e) -> {
                    LOG.log(Level.INFO, "tcp: stopped");
                    stopped.complete(null);
                });
        return stopped;
    }

    /** Connections currently open or waiting for admission. */
    public int openConnections() {
        return live.size();
    }
}
