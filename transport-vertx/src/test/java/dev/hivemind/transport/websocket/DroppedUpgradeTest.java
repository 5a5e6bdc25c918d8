package dev.hivemind.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.transport.AuthorizationToken;
import dev.hivemind.api.transport.ServerTls;
import dev.hivemind.api.transport.ServerTransportConfig;
import dev.hivemind.engine.tck.transport.RecordingAcceptor;
import io.vertx.core.Vertx;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that send their upgrade request and leave before the engine admitted them (a reset or an orderly close):
 * the admission completes after the socket is gone, and accepting the upgrade then must end quietly, with no
 * exception escaping to Vert.x (which it logs as an error) and the server serving the next client as before.
 */
class DroppedUpgradeTest {
    private static final String KEY = "dropped-upgrade-key";
    private static final String TOKEN = new AuthorizationToken("DroppedUpgradeTest", KEY).encode();
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int CLIENTS = 20;

    private final List<Throwable> unhandled = new CopyOnWriteArrayList<>();
    private final Vertx vertx = Vertx.vertx().exceptionHandler(unhandled::add);
    private WebSocketTransportServer server;

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void clientsLeavingBeforeTheirAdmissionEndsLeaveNoErrorBehind() throws Exception {
        RecordingAcceptor acceptor = RecordingAcceptor.knowing(KEY);
        server = new WebSocketTransportServer(vertx, new ServerTransportConfig("127.0.0.1", 0, 1 << 20,
                Duration.ofMinutes(1), ServerTls.disabled(), null, PluginSettings.empty()), acceptor);
        InetSocketAddress address = server.start().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        acceptor.holdAdmissions();

        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Socket socket = new Socket();
            socket.connect(address, 5000);
            socket.getOutputStream().write(upgradeRequest(address).getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            sockets.add(socket);
        }
        // every request was read and waits for its admission; then half reset their socket, half close it
        Awaitility.await().atMost(WAIT).until(() -> acceptor.admissionRequests().size() == CLIENTS);
        for (int i = 0; i < CLIENTS; i++) {
            if (i % 2 == 0) {
                sockets.get(i).setSoLinger(true, 0);
            }
            sockets.get(i).close();
        }
        Awaitility.await().atMost(WAIT).until(() -> server.upgradesInProgress() == 0);
        acceptor.releaseAdmissions();

        // the next client is served; nothing escaped to Vert.x on the way
        try (RawWebSocketPeer next = RawWebSocketPeer.connect(address, TOKEN)) {
            assertEquals(101, next.status(), next.responseHead());
            acceptor.awaitConnection();
        }
        assertEquals(List.of(), unhandled);
        assertEquals(1, acceptor.openedCount(), "only the client that stayed was opened");
    }

    private static String upgradeRequest(InetSocketAddress server) {
        byte[] nonce = new byte[16];
        return "GET /?authorization=" + TOKEN + " HTTP/1.1\r\n"
                + "Host: " + server.getHostString() + ":" + server.getPort() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n";
    }
}
