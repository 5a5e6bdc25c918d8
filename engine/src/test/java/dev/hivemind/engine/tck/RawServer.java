package dev.hivemind.engine.tck;

import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.transport.Admission;
import dev.hivemind.api.transport.AdmissionRequest;
import dev.hivemind.api.transport.Connection;
import dev.hivemind.api.transport.ConnectionAcceptor;
import dev.hivemind.api.transport.ConnectionHandler;
import dev.hivemind.api.transport.ServerTransportConfig;
import dev.hivemind.api.transport.TransportServer;
import dev.hivemind.engine.tck.memory.MemoryTransport;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A hand-driven hub for client-side tests: it admits every connection and hands the test a {@link RawPeer} for the
 * server end, so the test plays recorded server frames and inspects what the client sends.
 */
public final class RawServer implements AutoCloseable {
    private final TransportServer server;
    private final int port;
    private final BlockingQueue<RawPeer> accepted = new LinkedBlockingQueue<>();

    public RawServer(MemoryTransport transport) {
        ClientRecord anyone = ClientRecord.builder("any").clientId(1).name("raw").build();
        this.server = transport.createServer(ServerTransportConfig.loopback(), new ConnectionAcceptor() {
            @Override
            public CompletionStage<Admission> admit(AdmissionRequest request) {
                return CompletableFuture.completedFuture(new Admission.Accepted("raw", anyone));
            }

            @Override
            public ConnectionHandler open(Connection connection, Admission.Accepted admission) {
                RawPeer peer = new RawPeer();
                peer.bind(connection);
                accepted.add(peer);
                return peer;
            }
        });
        this.port = server.start().toCompletableFuture().join().getPort();
    }

    public int port() {
        return port;
    }

    /** The server end of the next connection (waits for it). */
    public RawPeer nextConnection() throws InterruptedException {
        RawPeer p = accepted.poll(RawPeer.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (p == null) {
            throw new AssertionError("no connection within " + RawPeer.WAIT.toSeconds() + " s");
        }
        return p;
    }

    @Override
    public void close() {
        server.close();
    }
}
