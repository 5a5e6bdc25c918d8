package dev.hivemind.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.transport.AuthorizationToken;
import dev.hivemind.api.transport.ServerTls;
import dev.hivemind.api.transport.ServerTransportConfig;
import dev.hivemind.engine.tck.transport.RecordingAcceptor;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * When every place waiting for admission is taken, the oldest waiting connection makes room for a newcomer. One whose
 * upgrade request was read is answered with HTTP 503 (try again later) before it is closed, so a client in a burst of
 * simultaneous connections learns why, instead of seeing its connection dropped without a status.
 */
class UpgradeEvictionTest {
    private static final String KEY = "eviction-key";
    private static final String TOKEN = new AuthorizationToken("UpgradeEvictionTest", KEY).encode();
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final Vertx vertx = Vertx.vertx();
    private WebSocketTransportServer server;

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void theOldestWaitingRequestIsRefusedWith503WhenANewcomerNeedsItsPlace() throws Exception {
        RecordingAcceptor acceptor = RecordingAcceptor.knowing(KEY);
        server = new WebSocketTransportServer(vertx, new ServerTransportConfig("127.0.0.1", 0, 1 << 20,
                Duration.ofMinutes(1), ServerTls.disabled(), null, PluginSettings.of(Map.of("maxPendingAdmissions", 2))),
                acceptor);
        InetSocketAddress address = server.start().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        acceptor.holdAdmissions();

        try (Socket oldest = requestUpgrade(address); Socket second = requestUpgrade(address)) {
            Awaitility.await().atMost(WAIT).until(() -> acceptor.admissionRequests().size() == 2);
            try (Socket newcomer = requestUpgrade(address)) {
                String evicted = readToEnd(oldest);
                assertTrue(evicted.startsWith("HTTP/1.1 503"), evicted);

                Awaitility.await().atMost(WAIT).until(() -> acceptor.admissionRequests().size() == 3);
                acceptor.releaseAdmissions();
                assertTrue(readHead(second).startsWith("HTTP/1.1 101"), "the second is upgraded");
                assertTrue(readHead(newcomer).startsWith("HTTP/1.1 101"), "the newcomer is upgraded");
                Awaitility.await().atMost(WAIT).until(() -> acceptor.openedCount() >= 2);
                assertEquals(2, acceptor.openedCount(), "the evicted connection was never opened");
            }
        }
    }

    /**
     * Each upgrade request gets its own answer: a connection kept alive after a refusal (HTTP/1.1) that asks again is
     * answered again, and the places waiting for admission it took are given back.
     */
    @Test
    void aSecondRequestOnAConnectionKeptAliveAfterARefusalIsAnswered() throws Exception {
        RecordingAcceptor acceptor = RecordingAcceptor.knowing(KEY);
        server = new WebSocketTransportServer(vertx, new ServerTransportConfig("127.0.0.1", 0, 1 << 20,
                Duration.ofMinutes(1), ServerTls.disabled(), null,
                PluginSettings.of(Map.of("admissionTimeout", "60s", "maxPendingAdmissions", 2))), acceptor);
        InetSocketAddress address = server.start().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        String stranger = new AuthorizationToken("UpgradeEvictionTest", "unknown-key").encode();

        try (Socket socket = requestUpgrade(address, stranger)) {
            String refused = readResponse(socket);
            assertTrue(refused.startsWith("HTTP/1.1 401"), refused);
            for (int i = 0; i < 3; i++) {
                send(socket, address, stranger);
                String again = readResponse(socket);
                assertTrue(again.isEmpty() || again.startsWith("HTTP/1.1 401"), again); // answered, or closed
                if (again.isEmpty()) {
                    break;
                }
            }
        }
        // the requests gave back their places: two honest clients still fit
        try (Socket first = requestUpgrade(address, TOKEN); Socket second = requestUpgrade(address, TOKEN)) {
            assertTrue(readHead(first).startsWith("HTTP/1.1 101"));
            assertTrue(readHead(second).startsWith("HTTP/1.1 101"));
        }
    }

    private static Socket requestUpgrade(InetSocketAddress server) throws IOException {
        return requestUpgrade(server, TOKEN);
    }

    private static Socket requestUpgrade(InetSocketAddress server, String token) throws IOException {
        Socket socket = new Socket();
        socket.connect(server, 5000);
        socket.setSoTimeout((int) WAIT.toMillis());
        send(socket, server, token);
        return socket;
    }

    private static void send(Socket socket, InetSocketAddress server, String token) throws IOException {
        byte[] nonce = new byte[16];
        String request = "GET /?authorization=" + token + " HTTP/1.1\r\n"
                + "Host: " + server.getHostString() + ":" + server.getPort() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    /** Everything until the server closes the socket (a read timeout fails the test). */
    private static String readToEnd(Socket socket) throws IOException {
        return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    /** A response's head and its body (by its content-length); empty if the server closed the connection. */
    private static String readResponse(Socket socket) throws IOException {
        String head = readHead(socket);
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(head);
        if (length.find()) {
            socket.getInputStream().readNBytes(Integer.parseInt(length.group(1)));
        }
        return head;
    }

    private static String readHead(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }
}
