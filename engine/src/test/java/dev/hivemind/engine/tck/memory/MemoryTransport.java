package dev.hivemind.engine.tck.memory;

import dev.hivemind.api.error.CloseCode;
import dev.hivemind.api.error.ConnectionClosedException;
import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.transport.Admission;
import dev.hivemind.api.transport.AdmissionRequest;
import dev.hivemind.api.transport.AuthorizationToken;
import dev.hivemind.api.transport.ClientEndpoint;
import dev.hivemind.api.transport.Connection;
import dev.hivemind.api.transport.ConnectionAcceptor;
import dev.hivemind.api.transport.ConnectionHandler;
import dev.hivemind.api.transport.Frame;
import dev.hivemind.api.transport.ServerTransportConfig;
import dev.hivemind.api.transport.TransportClient;
import dev.hivemind.api.transport.TransportFactory;
import dev.hivemind.api.transport.TransportServer;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * An in-memory transport for tests, used through the same SPI as real ones: servers register under a port number in
 * this factory instance (no global state), clients connect with {@code mem://host:PORT}. Each connection end has its
 * own serial executor, like a Vert.x context. An optional tap sees every frame sent, for transcript assertions.
 */
public final class MemoryTransport implements TransportFactory, AutoCloseable {
    private final Map<Integer, MemoryServer> servers = new ConcurrentHashMap<>();
    private final AtomicInteger nextPort = new AtomicInteger(40_000);
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "memory-transport");
        t.setDaemon(true);
        return t;
    });
    private volatile BiConsumer<MemoryConnection, Frame> tap;

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public int defaultPort() {
        return 1;
    }

    @Override
    public Set<String> schemes() {
        return Set.of("mem");
    }

    /** Sees every frame sent by any end ({@code from} is the sending end). */
    public void tap(BiConsumer<MemoryConnection, Frame> tap) {
        this.tap = tap;
    }

    /**
     * Replaces frames in flight, as an active attacker on the wire would: {@code rewriter} gets the sending end and
     * the frame and returns what the other end receives ({@code null}: the frame as it was). {@code null} stops it.
     */
    public void rewrite(java.util.function.BiFunction<MemoryConnection, Frame, Frame> rewriter) {
        this.rewriter = rewriter;
    }

    private volatile java.util.function.BiFunction<MemoryConnection, Frame, Frame> rewriter;

    /** What a connection does with a frame it sends: show it to the tap, then let the rewriter replace it. */
    private Frame inFlight(MemoryConnection from, Frame frame) {
        BiConsumer<MemoryConnection, Frame> t = tap;
        if (t != null) {
            t.accept(from, frame);
        }
        java.util.function.BiFunction<MemoryConnection, Frame, Frame> r = rewriter;
        Frame out = r == null ? null : r.apply(from, frame);
        return out == null ? frame : out;
    }

    @Override
    public TransportServer createServer(ServerTransportConfig config, ConnectionAcceptor acceptor) {
        return new MemoryServer(config, acceptor);
    }

    @Override
    public TransportClient createClient(PluginSettings settings) {
        return new MemoryClient();
    }

    /** An endpoint for a server started on {@code port}. */
    public static ClientEndpoint endpoint(int port) {
        return ClientEndpoint.parse("mem://hub:" + port, port);
    }

    @Override
    public void close() {
        servers.values().forEach(MemoryServer::stopNow);
        pool.shutdownNow();
    }

    private final class MemoryServer implements TransportServer {
        private final ServerTransportConfig config;
        private final ConnectionAcceptor acceptor;
        private final Set<MemoryConnection> live = ConcurrentHashMap.newKeySet();
        private volatile int port;

        MemoryServer(ServerTransportConfig config, ConnectionAcceptor acceptor) {
            this.config = config;
            this.acceptor = acceptor;
        }

        @Override
        public CompletionStage<InetSocketAddress> start() {
            port = config.port() == 0 ? nextPort.incrementAndGet() : config.port();
            if (servers.putIfAbsent(port, this) != null) {
                return CompletableFuture.failedFuture(new IllegalStateException("port " + port + " in use"));
            }
            return CompletableFuture.completedFuture(InetSocketAddress.createUnresolved("hub", port));
        }

        @Override
        public CompletionStage<Void> stop() {
            stopNow();
            return CompletableFuture.completedFuture(null);
        }

        void stopNow() {
            servers.remove(port, this);
            live.forEach(c -> c.close(CloseCode.GOING_AWAY, "server stopping"));
            live.clear();
        }
    }

    private final class MemoryClient implements TransportClient {
        @Override
        public CompletionStage<Connection> connect(ClientEndpoint endpoint, AuthorizationToken token,
                Function<Connection, ConnectionHandler> handlerFactory) {
            MemoryServer server = servers.get(endpoint.port());
            if (server == null) {
                return CompletableFuture.failedFuture(new java.net.ConnectException("nothing listens on mem port "
                        + endpoint.port()));
            }
            InetSocketAddress clientAddr = InetSocketAddress.createUnresolved("client", 50_000);
            CompletableFuture<Connection> result = new CompletableFuture<>();
            server.acceptor.admit(new AdmissionRequest(token.encode(), "memory", clientAddr)).whenComplete((adm, err) -> {
                if (err != null) {
                    result.completeExceptionally(err);
                    return;
                }
                if (adm instanceof Admission.Rejected r) {
                    result.completeExceptionally(new ConnectionClosedException(r.httpStatus(), r.reason()));
                    return;
                }
                Admission.Accepted accepted = (Admission.Accepted) adm;
                int max = server.config.maxFrameBytes();
                MemoryConnection client = new MemoryConnection("client", pool,
                        InetSocketAddress.createUnresolved("hub", server.port), endpoint.maxFrameBytes(), MemoryTransport.this::inFlight);
                MemoryConnection srv = new MemoryConnection("server", pool, clientAddr, max, MemoryTransport.this::inFlight);
                MemoryConnection.pair(client, srv);
                server.live.add(srv);
                client.executor().execute(() -> {
                    ConnectionHandler ch = handlerFactory.apply(client);
                    client.bind(ch);
                    ch.onOpen();
                    srv.executor().execute(() -> {
                        ConnectionHandler sh = server.acceptor.open(srv, accepted);
                        srv.bind(new ConnectionHandler() {
                            @Override
                            public void onOpen() {
                                sh.onOpen();
                            }

                            @Override
                            public void onFrame(Frame frame) {
                                sh.onFrame(frame);
                            }

                            @Override
                            public void onClosed(int code, String reason) {
                                server.live.remove(srv);
                                sh.onClosed(code, reason);
                            }
                        });
                        sh.onOpen();
                        result.complete(client);
                    });
                });
            });
            return result;
        }

        @Override
        public void close() {
        }
    }
}
