package dev.hivemind.auth.password.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.error.AuthenticationException;
import dev.hivemind.api.error.NegotiationException;
import dev.hivemind.api.error.ProtocolViolationException;
import dev.hivemind.api.handshake.HandshakeOffer;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.transport.Frame;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.JsonValues;
import dev.hivemind.api.wire.MessageType;
import dev.hivemind.auth.password.PasswordClientAuthFactory;
import dev.hivemind.auth.password.PasswordServerAuthFactory;
import dev.hivemind.engine.client.HiveMindClient;
import dev.hivemind.engine.client.HiveMindConnection;
import dev.hivemind.engine.codec.json.HiveMessageCodec;
import dev.hivemind.engine.session.ClientOptions;
import dev.hivemind.engine.tck.EngineFixtures;
import dev.hivemind.engine.tck.HubHarness;
import dev.hivemind.engine.tck.RawPeer;
import dev.hivemind.engine.tck.RawServer;
import dev.hivemind.engine.tck.memory.MemoryConnection;
import dev.hivemind.engine.tck.memory.MemoryTransport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Adversarial session-level tests of the password handshake (SECURITY.md T11–T16, T23–T25, T31), each asserting the
 * close code or typed failure and that nothing reached the application.
 */
class PasswordSessionAdversarialTest {
    private static final String PASSWORD = "hunter2 but longer";
    private static final HiveMessageCodec CODEC = EngineFixtures.messages();

    @TempDir
    Path dir;
    private HubHarness hub;

    @BeforeEach
    void start() {
        hub = HubHarness.builder().methods(List.of(new PasswordServerAuthFactory()))
                .clients(List.of(ClientRecord.builder("key").clientId(1).name("sat").password(PASSWORD).build())).dataDirectory(dir).build();
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private static String frame(MessageType type, Map<String, Object> payload) {
        return CODEC.serialize(HiveMessage.builder(type).payload(payload).build());
    }

    private static String clientHandshake(Object envelope) {
        return frame(MessageType.HANDSHAKE, JsonValues.object("binarize", false, "encodings", List.of("JSON-HEX"),
                "ciphers", List.of("AES-GCM"), "envelope", envelope));
    }

    private RawPeer afterOffer() throws InterruptedException {
        RawPeer peer = hub.raw("key");
        peer.nextText();
        peer.nextText();
        return peer;
    }

    private void assertNothingReachedTheApplication() throws InterruptedException {
        long end = System.nanoTime() + RawPeer.WAIT.toNanos();
        while (hub.hub().openSessions() > 0 && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertEquals(0, hub.hub().openSessions());
        assertTrue(hub.agent().received().isEmpty());
        assertTrue(hub.agent().established().isEmpty());
    }

    static Stream<Object> malformedEnvelopes() {
        return Stream.of("", "00", "0".repeat(47), "0".repeat(49), "0".repeat(82), "zz".repeat(24),
                "00010203040506071166DB25CD317C777CC4DB0B616E8EB4", 12345, List.of("x"), true);
    }

    @ParameterizedTest(name = "malformed envelope {0} -> 1002 (T15)")
    @MethodSource("malformedEnvelopes")
    void malformedEnvelopeClosesWith1002(Object envelope) throws Exception {
        RawPeer peer = afterOffer();
        peer.connection().send(Frame.text(clientHandshake(envelope)));
        assertEquals(1002, peer.awaitCloseCode());
        assertNothingReachedTheApplication();
    }

    @Test
    void wrongPasswordEnvelopeClosesWith1008AndAGenericReason() throws Exception {
        RawPeer peer = afterOffer();
        // a well-formed envelope made with another password (client IV 00..07)
        peer.connection().send(Frame.text(clientHandshake("00010203040506071166db25cd317c777cc4db0b616e8eb4")));
        assertEquals(1008, peer.awaitCloseCode());
        assertEquals("authentication failed", peer.awaitCloseReason());
        assertEquals(0, peer.buffered(), "no server envelope may be handed out for a wrong password");
        assertNothingReachedTheApplication();
    }

    @Test
    void applicationMessageBeforeTheHandshakeClosesWith1002() throws Exception {
        RawPeer peer = afterOffer();
        peer.connection().send(Frame.text(frame(MessageType.BUS, JsonValues.object("type",
                "recognizer_loop:utterance", "data", JsonValues.object(), "context", JsonValues.object()))));
        assertEquals(1002, peer.awaitCloseCode());
        assertNothingReachedTheApplication();
    }

    @Test
    void helloBeforeTheHandshakeClosesWith1002() throws Exception {
        RawPeer peer = afterOffer();
        peer.connection().send(Frame.text(frame(MessageType.HELLO, JsonValues.object("session",
                JsonValues.object("session_id", "s")))));
        assertEquals(1002, peer.awaitCloseCode());
        assertNothingReachedTheApplication();
    }

    @Test
    void twoHandshakesInARowCloseWith1002() throws Exception {
        RawPeer peer = afterOffer();
        String hs = frame(MessageType.HANDSHAKE, JsonValues.object("binarize", false, "encodings",
                List.of("JSON-HEX"), "ciphers", List.of("AES-GCM"), "envelope", "ab".repeat(24)));
        peer.connection().send(Frame.text(hs));
        peer.connection().send(Frame.text(hs));
        int code = peer.awaitCloseCode();
        assertTrue(code == 1002 || code == 1008, "protocol violation or auth failure, got " + code);
        assertNothingReachedTheApplication();
    }

    @Test
    void noCommonCipherClosesWith1002() throws Exception {
        RawPeer peer = afterOffer();
        peer.connection().send(Frame.text(frame(MessageType.HANDSHAKE, JsonValues.object("binarize", false,
                "encodings", List.of("JSON-HEX"), "ciphers", List.of("ROT13", "AES-CBC"), "envelope",
                "ab".repeat(24)))));
        assertEquals(1002, peer.awaitCloseCode());
        assertNothingReachedTheApplication();
    }

    @Test
    void handshakeWithoutAnySelectorClosesWith1008() throws Exception {
        RawPeer peer = afterOffer();
        peer.connection().send(Frame.text(frame(MessageType.HANDSHAKE, JsonValues.object("binarize", false,
                "encodings", List.of("JSON-HEX"), "ciphers", List.of("AES-GCM")))));
        assertEquals(1008, peer.awaitCloseCode());
        assertNothingReachedTheApplication();
    }

    @Test
    void invalidJsonClosesWith1007() throws Exception {
        RawPeer peer = afterOffer();
        peer.connection().send(Frame.text("{\"msg_type\": \"shake\", \"payload\": {"));
        assertEquals(1007, peer.awaitCloseCode());
        assertNothingReachedTheApplication();
    }

    @Test
    void abortAfterTheResponseBeforeHelloFreesEverything() throws Exception {
        RawPeer peer = afterOffer();
        // a correct envelope for PASSWORD needs the real client: drive one through a client exchange instead
        HiveMindClient client = hub.client(List.of(new PasswordClientAuthFactory()),
                new ClientCredentials("key", PASSWORD, null, Map.of()), ClientOptions.defaults(), dir, Map.of());
        hub.transport().tap((from, f) -> {
            // the hub's response is the second shake it sends; drop the client as soon as it goes out
            if (from.id().startsWith("mem-server") && f instanceof Frame.Text t && t.text().contains("\"envelope\"")) {
                from.abort();
            }
        });
        CompletableFuture<HiveMindConnection> pending = hub.connectAsync(client).toCompletableFuture();
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> pending.get(RawPeer.WAIT.toMillis(), TimeUnit.MILLISECONDS));
        assertTrue(e.getCause() instanceof dev.hivemind.api.error.ConnectionClosedException, e.getCause().toString());
        ((MemoryConnection) peer.connection()).abort();
        assertNothingReachedTheApplication();
        assertEquals(0, hub.scheduler().pending());
    }

    @Test
    void aFullWorkerPoolRefusesNewHandshakesWith1013() throws Exception {
        try (HubHarness busy = HubHarness.builder().methods(List.of(new PasswordServerAuthFactory()))
                .clients(List.of(ClientRecord.builder("key").clientId(1).name("sat").password(PASSWORD).build())).dataDirectory(dir)
                .workers(1, 0).build()) {
            java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
            busy.workers().compute(() -> {
                try {
                    gate.await(RawPeer.WAIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }, Runnable::run);
            HiveMindClient client = busy.client(List.of(new PasswordClientAuthFactory()),
                    new ClientCredentials("key", PASSWORD, null, Map.of()), ClientOptions.defaults(), dir, Map.of());
            ExecutionException e = assertThrows(ExecutionException.class, () -> busy.connectAsync(client)
                    .toCompletableFuture().get(RawPeer.WAIT.toMillis(), TimeUnit.MILLISECONDS));
            gate.countDown();
            dev.hivemind.api.error.ConnectionClosedException closed =
                    assertInstanceOf(dev.hivemind.api.error.ConnectionClosedException.class, e.getCause());
            assertEquals(1013, closed.peerCode());
            assertTrue(busy.agent().received().isEmpty());
        }
    }

    // ------------------------------------------------------------------ the client facing a hostile hub

    private Throwable clientAgainst(List<String> serverFrames, ClientOptions options) throws Exception {
        try (RawServer evil = new RawServer(hub.transport())) {
            HiveMindClient client = hub.client(List.of(new PasswordClientAuthFactory()),
                    new ClientCredentials("key", PASSWORD, null, Map.of()), options, dir, Map.of());
            CompletableFuture<HiveMindConnection> pending = client.connect(MemoryTransport.endpoint(evil.port()))
                    .toCompletableFuture();
            RawPeer server = evil.nextConnection();
            for (String f : serverFrames) {
                server.connection().send(Frame.text(f));
            }
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> pending.get(RawPeer.WAIT.toMillis(), TimeUnit.MILLISECONDS));
            return e.getCause();
        }
    }

    private static String hello() {
        return frame(MessageType.HELLO, JsonValues.object("pubkey", "", "peer", "p", "node_id", "evil"));
    }

    private static String offer(boolean password, int min, int max) {
        return frame(MessageType.HANDSHAKE, new HandshakeOffer(!password, min, max, false, false, password, true,
                List.of("JSON-HEX", "JSON-B64"), List.of("AES-GCM"), Map.of()).toPayload());
    }

    @Test
    void handshakeBeforeHelloIsAProtocolViolation() throws Exception {
        Throwable t = clientAgainst(List.of(offer(true, 0, 1)), ClientOptions.defaults());
        assertInstanceOf(ProtocolViolationException.class, t);
    }

    @Test
    void offerWithoutPasswordIsRefusedAsADowngrade() throws Exception {
        Throwable t = clientAgainst(List.of(hello(), offer(false, 0, 1)), ClientOptions.defaults());
        assertInstanceOf(AuthenticationException.class, t);
        assertTrue(t.getMessage().contains("downgrade"), t.getMessage());
    }

    @Test
    void disjointProtocolVersionsAreRefused() throws Exception {
        Throwable t = clientAgainst(List.of(hello(), offer(true, 0, 0)), ClientOptions.defaults());
        assertInstanceOf(NegotiationException.class, t);
    }

    @Test
    void serverChoosingAnUnofferedCipherIsRefused() throws Exception {
        try (RawServer evil = new RawServer(hub.transport())) {
            HiveMindClient client = hub.client(List.of(new PasswordClientAuthFactory()),
                    new ClientCredentials("key", PASSWORD, null, Map.of()),
                    ClientOptions.defaults().withCiphers(List.of(dev.hivemind.api.wire.CipherSuite.AES_GCM)), dir,
                    Map.of());
            CompletableFuture<HiveMindConnection> pending = client.connect(MemoryTransport.endpoint(evil.port()))
                    .toCompletableFuture();
            RawPeer server = evil.nextConnection();
            server.connection().send(Frame.text(hello()));
            server.connection().send(Frame.text(offer(true, 0, 1)));
            server.nextText(); // the client's HANDSHAKE
            server.connection().send(Frame.text(frame(MessageType.HANDSHAKE, JsonValues.object("envelope",
                    "ab".repeat(24), "encoding", "JSON-HEX", "cipher", "CHACHA20-POLY1305"))));
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> pending.get(RawPeer.WAIT.toMillis(), TimeUnit.MILLISECONDS));
            assertInstanceOf(NegotiationException.class, e.getCause());
            assertEquals(1002, server.awaitCloseCode());
        }
    }

    @Test
    void serverReflectingOurEnvelopeIsRefused() throws Exception {
        try (RawServer evil = new RawServer(hub.transport())) {
            HiveMindClient client = hub.client(List.of(new PasswordClientAuthFactory()),
                    new ClientCredentials("key", PASSWORD, null, Map.of()), ClientOptions.defaults(), dir, Map.of());
            CompletableFuture<HiveMindConnection> pending = client.connect(MemoryTransport.endpoint(evil.port()))
                    .toCompletableFuture();
            RawPeer server = evil.nextConnection();
            server.connection().send(Frame.text(hello()));
            server.connection().send(Frame.text(offer(true, 0, 1)));
            HiveMessage ours = CODEC.parse(server.nextText());
            Object envelope = ours.payload().get("envelope");
            server.connection().send(Frame.text(frame(MessageType.HANDSHAKE, JsonValues.object("envelope", envelope,
                    "encoding", "JSON-HEX", "cipher", "AES-GCM"))));
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> pending.get(RawPeer.WAIT.toMillis(), TimeUnit.MILLISECONDS));
            assertInstanceOf(AuthenticationException.class, e.getCause());
            assertEquals(1008, server.awaitCloseCode());
        }
    }
}
