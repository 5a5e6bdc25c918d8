package dev.hivemind.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.error.ConnectionClosedException;
import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.transport.AuthorizationToken;
import dev.hivemind.api.transport.ClientEndpoint;
import dev.hivemind.api.transport.ClientTls;
import dev.hivemind.api.transport.Connection;
import dev.hivemind.api.transport.Frame;
import dev.hivemind.api.transport.ServerTls;
import dev.hivemind.api.transport.ServerTransportConfig;
import dev.hivemind.engine.tck.transport.CloseEvent;
import dev.hivemind.engine.tck.transport.RecordingAcceptor;
import dev.hivemind.engine.tck.transport.RecordingHandler;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** WebSocket-specific behaviour: the HTTP status of a refused upgrade, the token format, UTF-8, fragments, T29. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebSocketServerTest {
    private static final String KEY = "ws-test-key";
    private static final AuthorizationToken TOKEN = new AuthorizationToken("WebSocketServerTest", KEY);

    private final Vertx vertx = Vertx.vertx();
    private final WebSocketTransportClient client = new WebSocketTransportClient(vertx, PluginSettings.empty());
    private final List<WebSocketTransportServer> servers = new ArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(WebSocketTransportServer::close);
        servers.clear();
    }

    @AfterAll
    void closeVertx() {
        client.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private InetSocketAddress start(RecordingAcceptor acceptor, ServerTransportConfig config) {
        WebSocketTransportServer server = new WebSocketTransportServer(vertx, config, acceptor);
        servers.add(server);
        return join(server.start().toCompletableFuture());
    }

    private static ServerTransportConfig config(int maxFrameBytes, Duration idle, Map<String, ?> settings) {
        return new ServerTransportConfig("127.0.0.1", 0, maxFrameBytes, idle, ServerTls.disabled(), null,
                PluginSettings.of(settings));
    }

    private static ServerTransportConfig defaults() {
        return config(1 << 20, Duration.ofMinutes(1), Map.of());
    }

    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    // ---------------------------------------------------------------- admission before the upgrade

    @ParameterizedTest(name = "{0} -> HTTP {1}")
    @CsvSource(delimiter = '|', value = {
            "/?authorization=V2ViU29ja2V0U2VydmVyVGVzdDp1bmtub3du | 401",   // WebSocketServerTest:unknown
            "/?authorization=V2ViU29ja2V0U2VydmVyVGVzdDpyZXZva2Vk | 401",   // WebSocketServerTest:revoked
            "/                                                     | 400",
            "/?authorization=                                      | 400",
            "/?authorization=@@@not-base64@@@                      | 400",
            "/?authorization=bm8tY29sb24taGVyZQ==                  | 400",   // no-colon-here
            "/?authorization=YTpiOmM=                              | 400",   // a:b:c
            "/?authorization=V2ViU29ja2V0U2VydmVyVGVzdDp3cy10ZXN0LWtleQ==&x=1 | 400",
            "/other?authorization=V2ViU29ja2V0U2VydmVyVGVzdDp3cy10ZXN0LWtleQ== | 404",
            "/?authorization=V2ViU29ja2V0U2VydmVyVGVzdDp3cy10ZXN0LWtleQ== | 101",
            "/?authorization=V2ViU29ja2V0U2VydmVyVGVzdDp3cy10ZXN0LWtleQ   | 101",   // padding missing: tolerated
    })
    void answersTheUpgradeRequestWithTheAdmissionStatus(String target, int status) throws Exception {
        RecordingAcceptor acceptor = RecordingAcceptor.knowing(KEY).add(ClientRecord.builder(ClientRecord.REVOKED).clientId(9).name("gone").build());
        InetSocketAddress address = start(acceptor, defaults());
        try (RawWebSocketPeer raw = RawWebSocketPeer.upgrade(address, target.strip(), 0)) {
            assertEquals(status, raw.status(), raw.responseHead());
            if (status == 101) {
                acceptor.awaitConnection();
            } else {
                assertEquals(0, acceptor.openedCount(), "a refused request never opens a connection");
            }
        }
    }

    @Test
    void closesAConnectionThatStopsSendingItsUpgradeRequest() throws Exception {
        InetSocketAddress address = start(RecordingAcceptor.knowing(KEY),
                config(1 << 20, Duration.ofMillis(300), Map.of("closingTimeout", "200ms")));
        try (Socket s = new Socket()) {
            s.connect(address, 5000);
            s.setSoTimeout(10_000);
            s.getOutputStream().write("GET /?authoriz".getBytes(StandardCharsets.ISO_8859_1));
            assertEquals(-1, s.getInputStream().read(), "the server closes a half-sent request at the deadline");
        }
    }

    @Test
    void aRefusedClientSeesTheHttpStatusAsItsCloseCode() {
        InetSocketAddress address = start(RecordingAcceptor.knowing(KEY), defaults());
        ClientEndpoint endpoint = new ClientEndpoint("ws", "127.0.0.1", address.getPort(), ClientTls.defaults(), 1 << 20,
                Duration.ofSeconds(5));
        CompletableFuture<Connection> attempt = client.connect(endpoint, new AuthorizationToken("x", "nope"),
                RecordingHandler::recorder).toCompletableFuture();
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> attempt.get(10, TimeUnit.SECONDS));
        ConnectionClosedException closed = assertInstanceOf(ConnectionClosedException.class, e.getCause());
        assertEquals(401, closed.peerCode());
        assertFalse(closed.getMessage().contains("nope"), "the key never appears in errors");
    }

    // ---------------------------------------------------------------- the token on the wire

    /** A token whose Base64 holds '+', '/' and '=' (characters a percent-encoder would change). */
    static AuthorizationToken awkwardToken() {
        AuthorizationToken t = new AuthorizationToken("HiveMessageBusClientV0.0.1", "ab>ab?a");
        assertEquals("SGl2ZU1lc3NhZ2VCdXNDbGllbnRWMC4wLjE6YWI+YWI/YQ==", t.encode());
        return t;
    }

    @Test
    void theClientSendsTheRequestTargetOfThePythonClient() throws Exception {
        AuthorizationToken token = awkwardToken();
        try (ServerSocket fake = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ClientEndpoint endpoint = new ClientEndpoint("ws", "127.0.0.1", fake.getLocalPort(), ClientTls.defaults(),
                    1 << 20, Duration.ofSeconds(5));
            CompletableFuture<Connection> attempt = client.connect(endpoint, token, RecordingHandler::recorder)
                    .toCompletableFuture();
            try (Socket s = fake.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
                String requestLine = in.readLine();
                assertEquals("GET /?authorization=" + token.encode() + " HTTP/1.1", requestLine);
                String line;
                while ((line = in.readLine()) != null && !line.isEmpty()) {
                    // skip the headers
                }
                OutputStream out = s.getOutputStream();
                out.write("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                        () -> attempt.get(10, TimeUnit.SECONDS));
                assertEquals(401, assertInstanceOf(ConnectionClosedException.class, e.getCause()).peerCode());
            }
        }
        assertEquals("ws://hub.local:5678?authorization=" + token.encode(),
                AuthorizationUri.url(false, "hub.local", 5678, token.encode()), "the URL hivemind_bus_client builds");
    }

    @Test
    void theServerPassesTheTokenOnUnescaped() {
        AuthorizationToken token = awkwardToken();
        RecordingAcceptor acceptor = RecordingAcceptor.knowing(token.accessKey());
        InetSocketAddress address = start(acceptor, defaults());
        ClientEndpoint endpoint = new ClientEndpoint("ws", "127.0.0.1", address.getPort(), ClientTls.defaults(), 1 << 20,
                Duration.ofSeconds(5));
        join(client.connect(endpoint, token, RecordingHandler::recorder).toCompletableFuture());
        assertEquals(token.encode(), acceptor.admissionRequests().get(0).authorizationToken());
        acceptor.awaitConnection();
    }

    // ---------------------------------------------------------------- messages

    @Test
    void joinsAFragmentedMessageEvenWhenACharacterIsSplit() throws Exception {
        RecordingAcceptor acceptor = RecordingAcceptor.knowing(KEY);
        InetSocketAddress address = start(acceptor, defaults());
        try (RawWebSocketPeer raw = RawWebSocketPeer.connect(address, TOKEN.encode())) {
            RecordingHandler server = acceptor.awaitConnection();
            byte[] e = "é".getBytes(StandardCharsets.UTF_8);
            raw.sendFrame(0x1, false, new byte[] {'c', 'a', 'f', e[0]});
            raw.sendFrame(0x0, false, new byte[] {e[1]});
            raw.sendFrame(0x9, true, new byte[0]);
            raw.sendFrame(0x0, true, "!".getBytes(StandardCharsets.UTF_8));
            assertEquals("café!", ((Frame.Text) server.nextFrame()).text());
        }
    }

    @Test
    void closesAFragmentedMessageOverTheLimitWith1009() throws Exception {
        RecordingAcceptor acceptor = RecordingAcceptor.knowing(KEY);
        InetSocketAddress address = start(acceptor, config(1024, Duration.ofMinutes(1), Map.of()));
        try (RawWebSocketPeer raw = RawWebSocketPeer.connect(address, TOKEN.encode())) {
            RecordingHandler server = acceptor.awaitConnection();
            raw.sendFrame(0x2, false, new byte[600]);
            raw.sendFrame(0x0, true, new byte[600]);
            assertEquals(1009, raw.awaitClose(Duration.ofSeconds(10)));
            assertEquals(1009, server.awaitClose().code());
            assertEquals(0, server.pendingFrames());
        }
    }

    @Test
    void closesInvalidUtf8With1007() throws Exception {
        RecordingAcceptor acceptor = RecordingAcceptor.knowing(KEY);
        InetSocketAddress address = start(acceptor, defaults());
        try (RawWebSocketPeer raw = RawWebSocketPeer.connect(address, TOKEN.encode())) {
            RecordingHandler server = acceptor.awaitConnection();
            raw.sendFrame(0x1, true, new byte[] {'o', 'k', (byte) 0xc3, 0x28});
            assertEquals(1007, raw.awaitClose(Duration.ofSeconds(10)));
            assertEquals(new CloseEvent(1007, "invalid UTF-8 in a text message"), server.awaitClose());
            assertEquals(0, server.pendingFrames(), "nothing of the bad message is delivered");
        }
    }

    // ---------------------------------------------------------------- T29 slow reader

    private static final Map<String, Object> SMALL_BUFFERS = Map.of("writeHighWaterBytes", 128 * 1024,
            "writeLimitBytes", 512 * 1024, "sendBufferBytes", 8192);

    /** Sends 32 KiB frames, one event-loop round trip at a time, until the queue reports full. */
    private static void fillUntilFull(Connection connection) {
        for (int i = 0; i < 64 && !connection.writeQueueFull(); i++) {
            connection.send(Frame.binary(new byte[32 * 1024]));
            CompletableFuture<Void> roundTrip = new CompletableFuture<>();
            connection.executor().execute(() -> roundTrip.complete(null));
            join(roundTrip);
        }
        assertTrue(connection.writeQueueFull(), "the write queue of a peer that does not read fills up");
    }

    @Test
    void dropsAPeerThatStopsReading() throws Exception {
        RecordingAcceptor acceptor = RecordingAcceptor.knowing(KEY);
        Duration idle = Duration.ofMillis(500);
        InetSocketAddress address = start(acceptor, config(1 << 20, idle, SMALL_BUFFERS));
        try (RawWebSocketPeer raw = RawWebSocketPeer.connect(address, TOKEN.encode(), 4096)) {
            RecordingHandler server = acceptor.awaitConnection();
            long full = System.nanoTime();
            fillUntilFull(server.connection());
            assertEquals(new CloseEvent(1008, "peer not reading"), server.awaitClose());
            assertTrue(System.nanoTime() - full >= idle.toNanos() - 50_000_000L, "dropped at the drain deadline");
        }
    }

    @Test
    void dropsAPeerAtOnceWhenTheQueuePassesItsHardLimit() throws Exception {
        RecordingAcceptor acceptor = RecordingAcceptor.knowing(KEY);
        InetSocketAddress address = start(acceptor, config(1 << 20, Duration.ofMinutes(1), SMALL_BUFFERS));
        try (RawWebSocketPeer raw = RawWebSocketPeer.connect(address, TOKEN.encode(), 4096)) {
            RecordingHandler server = acceptor.awaitConnection();
            fillUntilFull(server.connection());
            List<CompletableFuture<Void>> sends = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                sends.add(server.connection().send(Frame.binary(new byte[32 * 1024])).toCompletableFuture());
            }
            assertEquals(new CloseEvent(1008, "peer not reading"), server.awaitClose());
            assertTrue(sends.stream().anyMatch(CompletableFuture::isCompletedExceptionally),
                    "sends beyond the hard limit fail instead of queueing");
        }
    }

    // ---------------------------------------------------------------- T30, T26

    @Test
    void aFloodOfFramesWithoutDataIsClosedWith1008() throws Exception {
        RecordingAcceptor acceptor = RecordingAcceptor.knowing(KEY);
        InetSocketAddress address = start(acceptor, config(1 << 20, Duration.ofMinutes(1), Map.of("maxNoopFrames", 20)));
        try (RawWebSocketPeer raw = RawWebSocketPeer.connect(address, TOKEN.encode())) {
            RecordingHandler server = acceptor.awaitConnection();
            for (int i = 0; i < 15; i++) {
                raw.sendFrame(0x9, true, new byte[0]); // pings
            }
            raw.sendFrame(0x1, false, new byte[0]); // an empty first fragment, then empty continuations
            for (int i = 0; i < 15; i++) {
                raw.sendFrame(0x0, false, new byte[0]);
            }
            assertEquals(1008, raw.awaitClose(Duration.ofSeconds(10)));
            assertEquals(new CloseEvent(1008, "too many frames without data"), server.awaitClose());
        }
    }

    @Test
    void aSocketThatNeverSendsItsUpgradeRequestIsClosedAtTheAdmissionDeadline() throws Exception {
        RecordingAcceptor acceptor = RecordingAcceptor.knowing(KEY);
        InetSocketAddress address = start(acceptor, config(1 << 20, Duration.ofMinutes(5),
                Map.of("admissionTimeout", "300ms")));
        try (java.net.Socket silent = new java.net.Socket(address.getAddress(), address.getPort())) {
            silent.setSoTimeout(5000);
            assertEquals(-1, silent.getInputStream().read(), "closed at the deadline, not at the idle timeout");
        }
        assertTrue(acceptor.admissionRequests().isEmpty());
    }
}
