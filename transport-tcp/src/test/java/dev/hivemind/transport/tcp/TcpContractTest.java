package dev.hivemind.transport.tcp;

import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.transport.Admission;
import dev.hivemind.api.transport.ConnectionAcceptor;
import dev.hivemind.api.transport.ServerTransportConfig;
import dev.hivemind.api.transport.TransportClient;
import dev.hivemind.api.transport.TransportFactory;
import dev.hivemind.api.transport.TransportServer;
import dev.hivemind.engine.tck.transport.RawPeer;
import dev.hivemind.engine.tck.transport.TransportContractTest;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.AfterAll;

/** The transport contract, run against the TCP transport on one Vert.x instance for the class. */
class TcpContractTest extends TransportContractTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterAll
    void closeVertx() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Override
    protected TransportFactory factory() {
        return new TcpTransportFactory();
    }

    @Override
    protected String plainScheme() {
        return "tcp";
    }

    @Override
    protected TransportServer newServer(ServerTransportConfig config, ConnectionAcceptor acceptor) {
        return new TcpTransportServer(vertx, config, acceptor);
    }

    @Override
    protected TransportClient newClient() {
        return new TcpTransportClient(vertx, PluginSettings.empty());
    }

    @Override
    protected RawPeer connectRaw(InetSocketAddress server, String token) throws IOException {
        return RawTcpPeer.authenticated(server, token);
    }

    @Override
    protected int refusalCode(Admission.Rejected rejection) {
        return rejection.closeCode().code();
    }
}
