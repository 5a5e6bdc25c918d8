package dev.hivemind.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.error.ConnectionClosedException;
import dev.hivemind.api.plugin.PluginSettings;
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
import dev.hivemind.transport.vertx.ServerCertificates;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The TCP framing rules of {@code TCP-FRAMING.md}, driven byte by byte from a raw socket. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TcpFramingTest {
    private static final String KEY = "tcp-key";
    private static final String TOKEN = new AuthorizationToken("TcpFramingTest", KEY).encode();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Vertx vertx = Vertx.vertx();
    private final TcpTransportClient client = new TcpTransportClient(vertx, PluginSettings.empty());
    private final List<TcpTransportServer> servers = new ArrayList<>();
    private RecordingAcceptor acceptor;

    @AfterEach
    void stopServers() {
        servers.forEach(TcpTransportServer::close);
        servers.clear();
    }

    @AfterAll
    void closeVertx() {
        client.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private InetSocketAddress start(ServerTransportConfig config) {
        acceptor = RecordingAcceptor.knowing(KEY);
        TcpTransportServer server = new TcpTransportServer(vertx, config, acceptor);
        servers.add(server);
        return join(server.start().toCompletableFuture());
    }

    private static ServerTransportConfig config(int max, Duration idle, Map<String, ?> settings, ServerTls tls, Path home) {
        return new ServerTransportConfig("127.0.0.1", 0, max, idle, tls, home, PluginSettings.of(settings));
    }

    private InetSocketAddress start() {
        return start(config(1 << 20, Duration.ofMinutes(1), Map.of(), ServerTls.disabled(), null));
    }

    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** An authenticated raw peer whose greeting has been read, and the server side of it. */
    private RawTcpPeer admitted(InetSocketAddress address) throws Exception {
        RawTcpPeer raw = RawTcpPeer.authenticated(address, TOKEN);
        RawTcpPeer.ServerFrame greeting = raw.readFrame();
        assertNotNull(greeting);
        assertEquals(RecordingAcceptor.GREETING, greeting.text());
        return raw;
    }

    // ---------------------------------------------------------------- the AUTH rule

    @Test
    void aFirstFrameOtherThanAuthIsAProtocolViolation() throws Exception {
        InetSocketAddress address = start();
        try (RawTcpPeer raw = RawTcpPeer.open(address, 0)) {
            raw.sendFrame(0x01, "{\"msg_type\": \"hello\"}".getBytes(StandardCharsets.UTF_8));
            assertEquals(1002, raw.awaitClose(WAIT));
            assertTrue(raw.awaitEndOfStream(WAIT));
        }
        assertEquals(List.of(), acceptor.admissionRequests(), "nothing reaches the engine");
    }

    @Test
    void anUnknownKeyGetsClose1008InvalidAccessKeyAndTheSocketIsClosed() throws Exception {
        InetSocketAddress address = start();
        try (RawTcpPeer raw = RawTcpPeer.authenticated(address, new AuthorizationToken("x", "unknown").encode())) {
            assertEquals(1008, raw.awaitClose(WAIT));
            assertEquals("invalid access key", raw.closeReason());
            assertTrue(raw.awaitEndOfStream(WAIT));
        }
        assertEquals(0, acceptor.openedCount());
    }

    @Test
    void theClientSeesARefusalAsConnectionClosedException() {
        InetSocketAddress address = start();
        ClientEndpoint endpoint = new ClientEndpoint("tcp", "127.0.0.1", address.getPort(), ClientTls.defaults(), 1 << 20,
                Duration.ofSeconds(5));
        CompletableFuture<Connection> attempt = client.connect(endpoint, new AuthorizationToken("x", "unknown"),
                RecordingHandler::recorder).toCompletableFuture();
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> attempt.get(10, TimeUnit.SECONDS));
        ConnectionClosedException refused = assertInstanceOf(ConnectionClosedException.class, e.getCause());
        assertEquals(1008, refused.peerCode());
        assertEquals("invalid access key", refused.reason());
    }

    @Test
    void aMalformedTokenIsAProtocolViolation() throws Exception {
        InetSocketAddress address = start();
        try (RawTcpPeer raw = RawTcpPeer.authenticated(address, "@@not base64@@")) {
            assertEquals(1002, raw.awaitClose(WAIT));
        }
    }

    @Test
    void anOverlongTokenIsRefusedBeforeItIsRead() throws Exception {
        InetSocketAddress address = start();
        try (RawTcpPeer raw = RawTcpPeer.open(address, 0)) {
            raw.sendRaw(new byte[] {0x03, 0, 0, 0x10, 0x01});
            assertEquals(1009, raw.awaitClose(WAIT));
        }
    }

    @Test
    void aSecondAuthIsAProtocolViolation() throws Exception {
        InetSocketAddress address = start();
        try (RawTcpPeer raw = admitted(address)) {
            RecordingHandler server = acceptor.awaitConnection();
            raw.sendFrame(0x03, TOKEN.getBytes(StandardCharsets.US_ASCII));
            assertEquals(1002, raw.awaitClose(WAIT));
            assertEquals(1002, server.awaitClose().code());
        }
    }

    @Test
    void aPeerThatNeverAuthenticatesIsClosedAtTheAdmissionDeadline() throws Exception {
        InetSocketAddress address = start(config(1 << 20, Duration.ofMinutes(1), Map.of("admissionTimeout", "300ms"),
                ServerTls.disabled(), null));
        try (RawTcpPeer raw = RawTcpPeer.open(address, 0)) {
            raw.sendRaw(new byte[] {0x03, 0, 0});
            assertEquals(1008, raw.awaitClose(WAIT));
            assertEquals("authentication timeout", raw.closeReason());
        }
    }

    @Test
    void whenThePendingAdmissionsAreFullTheOldestMakesRoomWith1013() throws Exception {
        InetSocketAddress address = start(config(1 << 20, Duration.ofMinutes(1), Map.of("maxPendingAdmissions", 1),
                ServerTls.disabled(), null));
        try (RawTcpPeer first = RawTcpPeer.open(address, 0)) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            awaitTracked(1);
            try (RawTcpPeer second = RawTcpPeer.open(address, 0)) {
                assertEquals(1013, first.awaitClose(WAIT), "the oldest pending connection is evicted");
                assertEquals("server busy", first.closeReason());
                second.sendFrame(0x03, TOKEN.getBytes(StandardCharsets.US_ASCII));
                assertEquals(RecordingAcceptor.GREETING, second.readFrame().text(), "the newcomer is served");
            }
            assertTrue(System.nanoTime() < deadline);
        }
    }

    @Test
    void oneAddressHoldsAtMostItsShareOfPendingAdmissions() throws Exception {
        InetSocketAddress address = start(config(1 << 20, Duration.ofMinutes(1), Map.of("maxPendingPerAddress", 2),
                ServerTls.disabled(), null));
        try (RawTcpPeer a = RawTcpPeer.open(address, 0); RawTcpPeer b = RawTcpPeer.open(address, 0)) {
            awaitTracked(2);
            RawTcpPeer c = RawTcpPeer.open(address, 0);
            assertEquals(1013, c.awaitClose(WAIT), "a third idle socket from the same address is refused");
            a.sendFrame(0x03, TOKEN.getBytes(StandardCharsets.US_ASCII));
            assertEquals(RecordingAcceptor.GREETING, a.readFrame().text());
            try (RawTcpPeer d = RawTcpPeer.authenticated(address, TOKEN)) {
                assertEquals(RecordingAcceptor.GREETING, d.readFrame().text(), "an admitted one frees its place");
            }
            c.close();
        }
    }

    // ---------------------------------------------------------------- T30, T29 with pings

    @Test
    void aFloodOfFramesWithoutDataIsClosedWith1008() throws Exception {
        InetSocketAddress address = start(config(1 << 20, Duration.ofMinutes(1), Map.of("maxNoopFrames", 20),
                ServerTls.disabled(), null));
        try (RawTcpPeer raw = RawTcpPeer.authenticated(address, TOKEN)) {
            RecordingHandler server = acceptor.awaitConnection();
            for (int i = 0; i < 40; i++) {
                raw.sendFrame(i % 2 == 0 ? 0x09 : 0x0A, new byte[0]);
            }
            assertEquals(1008, raw.awaitClose(WAIT));
            assertEquals("too many frames without data", raw.closeReason());
            assertEquals(new CloseEvent(1008, "too many frames without data"), server.awaitClose());
        }
    }

    @Test
    void pongsCountInTheWriteQueueSoAPingingPeerThatNeverReadsIsDropped() throws Exception {
        Duration idle = Duration.ofMillis(500);
        InetSocketAddress address = start(config(1 << 20, idle, Map.of("writeHighWaterBytes", 8 * 1024,
                "writeLimitBytes", 64 * 1024, "sendBufferBytes", 4096, "maxNoopFrames", 1_000_000),
                ServerTls.disabled(), null));
        try (RawTcpPeer raw = RawTcpPeer.open(address, 4096)) {
            raw.sendFrame(0x03, TOKEN.getBytes(StandardCharsets.US_ASCII));
            RecordingHandler server = acceptor.awaitConnection();
            Thread pinger = new Thread(() -> {
                byte[] ping = RawTcpPeer.frame(0x09, new byte[125]);
                try {
                    for (int i = 0; i < 1_000_000; i++) {
                        raw.sendRaw(ping);
                    }
                } catch (IOException e) {
                    // the server dropped us
                }
            });
            pinger.setDaemon(true);
            pinger.start();
            assertEquals(new CloseEvent(1008, "peer not reading"), server.awaitClose());
            pinger.join(WAIT.toMillis());
        }
    }

    /** Waits until the last server tracks {@code n} connections (it took their pending places). */
    private void awaitTracked(int n) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (servers.get(servers.size() - 1).openConnections() < n && System.nanoTime() < end) {
            Thread.sleep(2);
        }
        assertEquals(n, servers.get(servers.size() - 1).openConnections());
    }

    @Test
    void framesSentRightAfterAuthWaitForTheAdmission() throws Exception {
        InetSocketAddress address = start();
        acceptor.holdAdmissions();
        try (RawTcpPeer raw = RawTcpPeer.open(address, 0)) {
            byte[] auth = RawTcpPeer.frame(0x03, TOKEN.getBytes(StandardCharsets.US_ASCII));
            byte[] first = RawTcpPeer.frame(0x01, "first".getBytes(StandardCharsets.UTF_8));
            byte[] second = RawTcpPeer.frame(0x02, new byte[] {1, 2, 3});
            byte[] all = new byte[auth.length + first.length + second.length];
            System.arraycopy(auth, 0, all, 0, auth.length);
            System.arraycopy(first, 0, all, auth.length, first.length);
            System.arraycopy(second, 0, all, auth.length + first.length, second.length);
            raw.sendRaw(all);
            acceptor.releaseAdmissions();
            RecordingHandler server = acceptor.awaitConnection();
            assertEquals("first", ((Frame.Text) server.nextFrame()).text());
            assertArrayEquals(new byte[] {1, 2, 3}, ((Frame.Binary) server.nextFrame()).data());
        }
    }

    // ---------------------------------------------------------------- frames

    @Test
    void reassemblesAFrameSentOneByteAtATime() throws Exception {
        InetSocketAddress address = start();
        try (RawTcpPeer raw = admitted(address)) {
            RecordingHandler server = acceptor.awaitConnection();
            for (byte b : RawTcpPeer.frame(0x01, "drip, drip, drip — ü".getBytes(StandardCharsets.UTF_8))) {
                raw.sendRaw(new byte[] {b});
            }
            assertEquals("drip, drip, drip — ü", ((Frame.Text) server.nextFrame()).text());
        }
    }

    @Test
    void decodesManyFramesFromOneWrite() throws Exception {
        InetSocketAddress address = start();
        try (RawTcpPeer raw = admitted(address)) {
            RecordingHandler server = acceptor.awaitConnection();
            java.io.ByteArrayOutputStream burst = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < 100; i++) {
                burst.write(RawTcpPeer.frame(0x01, ("n" + i).getBytes(StandardCharsets.UTF_8)));
            }
            raw.sendRaw(burst.toByteArray());
            for (int i = 0; i < 100; i++) {
                assertEquals("n" + i, ((Frame.Text) server.nextFrame()).text());
            }
        }
    }

    @Test
    void anUnknownKindIsAProtocolViolation() throws Exception {
        InetSocketAddress address = start();
        try (RawTcpPeer raw = admitted(address)) {
            RecordingHandler server = acceptor.awaitConnection();
            raw.sendFrame(0x07, new byte[3]);
            assertEquals(1002, raw.awaitClose(WAIT));
            assertEquals(1002, server.awaitClose().code());
        }
    }

    @Test
    void invalidUtf8InATextFrameCloses1007() throws Exception {
        InetSocketAddress address = start();
        try (RawTcpPeer raw = admitted(address)) {
            RecordingHandler server = acceptor.awaitConnection();
            raw.sendFrame(0x01, new byte[] {'a', (byte) 0xed, (byte) 0xa0, (byte) 0x80});
            assertEquals(1007, raw.awaitClose(WAIT));
            assertEquals(1007, server.awaitClose().code());
            assertEquals(0, server.pendingFrames());
        }
    }

    @Test
    void aPingIsAnsweredWithAPongCarryingItsPayload() throws Exception {
        InetSocketAddress address = start();
        try (RawTcpPeer raw = admitted(address)) {
            byte[] payload = "are you there".getBytes(StandardCharsets.UTF_8);
            raw.sendFrame(0x09, payload);
            RawTcpPeer.ServerFrame pong = raw.readFrame();
            assertEquals(0x0A, pong.kind());
            assertArrayEquals(payload, pong.payload());
        }
    }

    @Test
    void aPingOver125BytesIsAProtocolViolation() throws Exception {
        InetSocketAddress address = start();
        try (RawTcpPeer raw = admitted(address)) {
            raw.sendFrame(0x09, new byte[126]);
            assertEquals(1002, raw.awaitClose(WAIT));
        }
    }

    @Test
    void aCloseIsEchoedAndTheSocketClosed() throws Exception {
        InetSocketAddress address = start();
        try (RawTcpPeer raw = admitted(address)) {
            RecordingHandler server = acceptor.awaitConnection();
            raw.sendRaw(RawTcpPeer.frame(0x08, new byte[] {0x03, (byte) 0xe8, 'b', 'y', 'e'}));
            assertEquals(1000, raw.awaitClose(WAIT), "the server echoes the code");
            assertTrue(raw.awaitEndOfStream(WAIT));
            assertEquals(new CloseEvent(1000, "bye"), server.awaitClose());
        }
    }

    @Test
    void theClientSendsAuthFirstOpensOnTheFirstFrameAndAnswersPings() throws Exception {
        try (java.net.ServerSocket fake = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            ClientEndpoint endpoint = new ClientEndpoint("tcp", "127.0.0.1", fake.getLocalPort(), ClientTls.defaults(),
                    1 << 20, Duration.ofSeconds(5));
            AuthorizationToken token = new AuthorizationToken("c", KEY);
            CompletableFuture<Connection> attempt = client.connect(endpoint, token, RecordingHandler::recorder)
                    .toCompletableFuture();
            try (java.net.Socket s = fake.accept()) {
                s.setSoTimeout(10_000);
                java.io.DataInputStream in = new java.io.DataInputStream(s.getInputStream());
                assertEquals(0x03, in.read(), "AUTH comes first");
                byte[] auth = new byte[in.readInt()];
                in.readFully(auth);
                assertEquals(token.encode(), new String(auth, StandardCharsets.US_ASCII));
                s.getOutputStream().write(RawTcpPeer.frame(0x09, "p1".getBytes(StandardCharsets.UTF_8)));
                assertEquals(0x0A, in.read(), "a ping before the first frame is answered too");
                byte[] pong = new byte[in.readInt()];
                in.readFully(pong);
                assertEquals("p1", new String(pong, StandardCharsets.UTF_8));
                org.junit.jupiter.api.Assertions.assertFalse(attempt.isDone(), "open only once the server speaks");
                s.getOutputStream().write(RawTcpPeer.frame(0x01, "hello".getBytes(StandardCharsets.UTF_8)));
                Connection connection = join(attempt);
                assertTrue(connection.isOpen());
            }
        }
    }

    // ---------------------------------------------------------------- tcps

    @Test
    void tcpsWithAPinnedSelfSignedCertificate(@TempDir Path home) throws Exception {
        InetSocketAddress address = start(config(1 << 20, Duration.ofMinutes(1), Map.of(), new ServerTls(true, null, null), home));
        String pin = ServerCertificates.pinOf(home.resolve("certs").resolve(ServerCertificates.CERT_FILE));
        ClientEndpoint endpoint = new ClientEndpoint("tcps", "127.0.0.1", address.getPort(),
                new ClientTls(null, List.of(pin), false, true), 1 << 20, Duration.ofSeconds(10));
        Connection connection = join(client.connect(endpoint, new AuthorizationToken("c", KEY), RecordingHandler::recorder)
                .toCompletableFuture());
        RecordingHandler server = acceptor.awaitConnection();
        connection.send(Frame.text("secret-free but encrypted"));
        assertEquals("secret-free but encrypted", ((Frame.Text) server.nextFrame()).text());

        ClientEndpoint wrongPin = endpoint.withTls(new ClientTls(null, List.of("00".repeat(32)), false, true));
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> client.connect(wrongPin, new AuthorizationToken("c", KEY), RecordingHandler::recorder)
                        .toCompletableFuture().get(10, TimeUnit.SECONDS));
        Throwable t = e.getCause();
        while (t.getCause() != null && !(t instanceof SSLHandshakeException)) {
            t = t.getCause();
        }
        assertInstanceOf(SSLHandshakeException.class, t);
    }

    // ---------------------------------------------------------------- T29

    @Test
    void dropsAPeerThatStopsReading() throws Exception {
        Duration idle = Duration.ofMillis(500);
        InetSocketAddress address = start(config(1 << 20, idle, Map.of("writeHighWaterBytes", 128 * 1024,
                "writeLimitBytes", 512 * 1024, "sendBufferBytes", 8192), ServerTls.disabled(), null));
        try (RawTcpPeer raw = RawTcpPeer.open(address, 4096)) {
            raw.sendFrame(0x03, TOKEN.getBytes(StandardCharsets.US_ASCII));
            RecordingHandler server = acceptor.awaitConnection();
            Connection c = server.connection();
            for (int i = 0; i < 64 && !c.writeQueueFull(); i++) {
                c.send(Frame.binary(new byte[32 * 1024]));
                CompletableFuture<Void> roundTrip = new CompletableFuture<>();
                c.executor().execute(() -> roundTrip.complete(null));
                join(roundTrip);
            }
            assertTrue(c.writeQueueFull());
            assertEquals(new CloseEvent(1008, "peer not reading"), server.awaitClose());
        }
    }
}
