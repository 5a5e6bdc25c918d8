package dev.hivemind.engine.tck.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.auth.ClientAuthFactory;
import dev.hivemind.api.auth.ServerAuthFactory;
import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.error.AuthenticationException;
import dev.hivemind.api.error.ConnectionClosedException;
import dev.hivemind.api.error.HandshakeTimeoutException;
import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.transport.Frame;
import dev.hivemind.api.wire.CipherSuite;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.JsonValues;
import dev.hivemind.api.wire.TextEncoding;
import dev.hivemind.engine.client.HiveMindClient;
import dev.hivemind.engine.client.HiveMindConnection;
import dev.hivemind.engine.session.ClientOptions;
import dev.hivemind.engine.tck.HubHarness;
import dev.hivemind.engine.tck.RawPeer;
import dev.hivemind.engine.tck.memory.MemoryConnection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every auth module passes, run over the engine's real session state machines on the in-memory
 * transport: a completed handshake with messages both ways (for every cipher × encoding × binarize when the method
 * negotiates them), refusal of wrong credentials with 1008 before anything reaches the application, the handshake
 * deadline, aborts at every step, plaintext/replayed/reflected frames after the key exists, a duplicate HANDSHAKE,
 * a fresh handshake on reconnect, the hub's policy (a client whose record lacks the method's credential is never served
 * by it) and a HELLO sent in clear instead of sealed under the new key (refused, nothing established). A module extends
 * it and supplies its two factories, a client record holding the method's credential, and satellite credentials.
 */
public abstract class AuthMethodContractTest {
    protected static final String ACCESS_KEY = "contract-access-key";

    @TempDir
    protected Path serverDir;
    @TempDir
    protected Path clientDir;

    private final List<HubHarness> harnesses = new ArrayList<>();

    /** A fresh server-side factory instance. */
    protected abstract ServerAuthFactory newServerFactory();

    /** A fresh client-side factory instance (initialised separately from the server's). */
    protected abstract ClientAuthFactory newClientFactory();

    /** A client record holding this method's credential ({@code credential(name)}). */
    protected abstract ClientRecord clientRecord(int clientId, String accessKey);

    /** Credentials that authenticate as {@link #clientRecord}. */
    protected abstract ClientCredentials goodCredentials(String accessKey);

    /** Credentials of the right kind with a wrong secret, if the method has any. */
    protected abstract Optional<ClientCredentials> wrongCredentials(String accessKey);

    /** Whether the method negotiates cipher, encoding and binarize (pre-shared keys use AES-GCM/JSON-HEX). */
    protected boolean negotiatesCipherAndEncoding() {
        return true;
    }

    /** Whether each connection gets a fresh key (not true of a static pre-shared key). */
    protected boolean freshKeyPerConnection() {
        return true;
    }

    /**
     * Whether the hub's answer proves the key to the client before the client reports the session established
     * (false for a pre-shared key, which no message confirms).
     */
    protected boolean keyConfirmedByHub() {
        return true;
    }

    /** Server-side plugin settings, by plugin name. */
    protected Map<String, PluginSettings> serverSettings() {
        return Map.of();
    }

    /** Client-side plugin settings, by plugin name. */
    protected Map<String, PluginSettings> clientSettings() {
        return Map.of();
    }

    protected HubHarness harness() {
        HubHarness h = HubHarness.builder().methods(List.of(newServerFactory()))
                .clients(List.of(clientRecord(1, ACCESS_KEY))).dataDirectory(serverDir).settings(serverSettings())
                .build();
        harnesses.add(h);
        return h;
    }

    protected HiveMindClient client(HubHarness h, ClientCredentials credentials, ClientOptions options) {
        return h.client(List.of(newClientFactory()), credentials, options, clientDir, clientSettings());
    }

    /** Closes {@code h} after the test. */
    protected HubHarness track(HubHarness h) {
        harnesses.add(h);
        return h;
    }

    @AfterEach
    void closeHarnesses() {
        harnesses.forEach(HubHarness::close);
    }

    // ------------------------------------------------------------------ success paths

    @Test
    void handshakeCompletesAndMessagesFlowBothWays() throws Exception {
        HubHarness h = harness();
        HiveMindConnection c = h.connect(client(h, goodCredentials(ACCESS_KEY), ClientOptions.defaults()));
        assertEquals(newServerFactory().name(), c.sessionInfo().authMethod());
        exchange(h, c, 25);
        c.close();
    }

    static Stream<Arguments> cipherEncodingBinarize() {
        List<Arguments> out = new ArrayList<>();
        for (CipherSuite cipher : CipherSuite.values()) {
            for (TextEncoding encoding : TextEncoding.values()) {
                out.add(Arguments.of(cipher, encoding, false));
                out.add(Arguments.of(cipher, encoding, true));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} binarize={2}")
    @MethodSource("cipherEncodingBinarize")
    void everyCipherEncodingAndBinarize(CipherSuite cipher, TextEncoding encoding, boolean binarize) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(negotiatesCipherAndEncoding(),
                "this method does not negotiate cipher and encoding");
        HubHarness h = HubHarness.builder().methods(List.of(newServerFactory()))
                .clients(List.of(clientRecord(1, ACCESS_KEY))).dataDirectory(serverDir).settings(serverSettings())
                .handshake(new dev.hivemind.engine.config.HandshakeSettings(true, Duration.ofSeconds(10), 3, 0, 2,
                        binarize, true))
                .build();
        harnesses.add(h);
        ClientOptions options = ClientOptions.defaults().withCiphers(List.of(cipher))
                .withEncodings(List.of(encoding)).withBinarize(binarize);
        HiveMindConnection c = h.connect(client(h, goodCredentials(ACCESS_KEY), options));
        assertEquals(cipher, c.sessionInfo().cipher());
        assertEquals(encoding, c.sessionInfo().encoding());
        assertEquals(binarize, c.sessionInfo().binarize());
        exchange(h, c, 10);
        c.close();
    }

    @Test
    void reconnectRunsAFreshHandshakeAndNeverReusesTheOldKey() throws Exception {
        HubHarness h = harness();
        List<Frame> fromFirstClient = new CopyOnWriteArrayList<>();
        h.transport().tap((from, frame) -> {
            if (from.id().startsWith("mem-client") && frame instanceof Frame.Text t && t.text().contains("ciphertext")) {
                fromFirstClient.add(frame);
            }
        });
        HiveMindClient client = client(h, goodCredentials(ACCESS_KEY), ClientOptions.defaults());
        HiveMindConnection first = h.connect(client);
        first.send(bus("first session"));
        waitFor(() -> h.agent().received().size() == 1);
        first.close();
        waitFor(() -> h.hub().openSessions() == 0);
        h.transport().tap(null);
        List<Frame> recorded = List.copyOf(fromFirstClient);

        HiveMindConnection second = h.connect(client);
        assertNotNull(second.sessionInfo());
        second.send(bus("second session"));
        waitFor(() -> h.agent().received().size() == 2);
        if (freshKeyPerConnection()) {
            // a frame recorded on the first connection must not decrypt on the second one
            MemoryConnection raw = clientEnd(h, second);
            raw.send(recorded.get(recorded.size() - 1));
            waitFor(() -> !raw.isOpen());
            assertEquals(1008, raw.closeCode());
            assertEquals(2, h.agent().received().size());
        }
        second.close();
    }

    // ------------------------------------------------------------------ refusals

    @Test
    void wrongCredentialsAreRefusedWith1008AndNothingReachesTheApplication() throws Exception {
        Optional<ClientCredentials> wrong = wrongCredentials(ACCESS_KEY);
        org.junit.jupiter.api.Assumptions.assumeTrue(wrong.isPresent(), "the method has no secret to get wrong");
        HubHarness h = harness();
        HiveMindClient client = client(h, wrong.get(), ClientOptions.defaults());
        if (keyConfirmedByHub()) {
            Exception e = assertThrows(Exception.class, () -> h.connect(client));
            assertTrue(e instanceof AuthenticationException || e instanceof ConnectionClosedException,
                    "typed failure expected, got " + e);
            if (e instanceof ConnectionClosedException closed) {
                assertEquals(1008, closed.peerCode());
            }
        } else {
            // nothing on the wire confirms a pre-shared key: the client learns of a wrong one when the hub closes
            // the connection on its first encrypted frame (the client HELLO)
            HiveMindConnection c = h.connect(client);
            HiveMindConnection.CloseInfo info = c.closed().toCompletableFuture()
                    .get(RawPeer.WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertEquals(1008, info.code());
            assertInstanceOf(ConnectionClosedException.class, info.failure().orElseThrow());
        }
        waitFor(() -> h.hub().openSessions() == 0);
        assertTrue(h.agent().received().isEmpty());
        assertTrue(h.agent().established().isEmpty());
    }

    @Test
    void unknownAccessKeyIsRefusedBeforeAnySession() {
        HubHarness h = harness();
        Exception e = assertThrows(Exception.class,
                () -> h.connect(client(h, goodCredentials("not-a-known-key"), ClientOptions.defaults())));
        ConnectionClosedException closed = assertInstanceOf(ConnectionClosedException.class, e);
        assertEquals(401, closed.peerCode());
        assertEquals(0, h.hub().metrics().connections());
    }

    @Test
    void silentClientIsClosedAtTheHandshakeDeadline() throws Exception {
        HubHarness h = harness();
        RawPeer peer = h.raw(ACCESS_KEY);
        assertTrue(peer.nextText().contains("\"hello\""));
        assertTrue(peer.nextText().contains("\"shake\""));
        h.scheduler().advance(Duration.ofSeconds(9));
        assertEquals(1, h.hub().openSessions(), "closed before the deadline");
        h.scheduler().advance(Duration.ofSeconds(2));
        assertEquals(1008, peer.awaitCloseCode());
        assertEquals("handshake timeout", peer.awaitCloseReason());
        waitFor(() -> h.hub().openSessions() == 0);
        assertTrue(h.agent().received().isEmpty());
    }

    @Test
    void clientGivesUpAtItsDeadlineWhenTheHubNeverAnswers() throws Exception {
        HubHarness h = harness();
        // a second server on the same in-memory transport that admits the client and then never says anything
        dev.hivemind.api.transport.ConnectionAcceptor silent = new dev.hivemind.api.transport.ConnectionAcceptor() {
            @Override
            public java.util.concurrent.CompletionStage<dev.hivemind.api.transport.Admission> admit(
                    dev.hivemind.api.transport.AdmissionRequest request) {
                return CompletableFuture.completedFuture(new dev.hivemind.api.transport.Admission.Accepted("x",
                        clientRecord(1, ACCESS_KEY)));
            }

            @Override
            public dev.hivemind.api.transport.ConnectionHandler open(dev.hivemind.api.transport.Connection c,
                    dev.hivemind.api.transport.Admission.Accepted a) {
                return new dev.hivemind.api.transport.ConnectionHandler() {
                    @Override
                    public void onFrame(Frame frame) {
                    }

                    @Override
                    public void onClosed(int code, String reason) {
                    }
                };
            }
        };
        dev.hivemind.api.transport.TransportServer mute = h.transport().createServer(
                dev.hivemind.api.transport.ServerTransportConfig.loopback(), silent);
        int mutePort = mute.start().toCompletableFuture().join().getPort();
        HiveMindClient client = client(h, goodCredentials(ACCESS_KEY), ClientOptions.defaults());
        CompletableFuture<HiveMindConnection> pending = client
                .connect(dev.hivemind.engine.tck.memory.MemoryTransport.endpoint(mutePort)).toCompletableFuture();
        waitFor(() -> h.scheduler().pending() == 2); // connect()'s deadline, and the session's (what is left of it)
        h.scheduler().advance(Duration.ofSeconds(5));
        assertTrue(!pending.isDone(), "gave up before the deadline");
        h.scheduler().advance(Duration.ofSeconds(6));
        Exception e = assertThrows(Exception.class, () -> {
            try {
                pending.get(RawPeer.WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.ExecutionException ex) {
                throw (Exception) ex.getCause();
            }
        });
        assertInstanceOf(HandshakeTimeoutException.class, e);
        mute.close();
    }

    @Test
    void abortAfterHelloFreesEverything() throws Exception {
        HubHarness h = harness();
        RawPeer peer = h.raw(ACCESS_KEY);
        peer.nextText();
        ((MemoryConnection) peer.connection()).abort();
        waitFor(() -> h.hub().openSessions() == 0);
        assertEquals(0, h.scheduler().pending(), "the handshake deadline must be cancelled");
        assertTrue(h.agent().received().isEmpty());
    }

    @Test
    void abortWhileTheHubAuthenticatesFreesEverything() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(newServerFactory().isHandshake(),
                "only key exchanges have an authentication step to abort");
        HubHarness h = harness();
        // hold both worker threads so the hub's auth step is provably queued when the client drops
        java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
        for (int i = 0; i < 2; i++) {
            h.workers().compute(() -> {
                try {
                    gate.await(RawPeer.WAIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }, Runnable::run);
        }
        List<MemoryConnection> clientEnds = new CopyOnWriteArrayList<>();
        h.transport().tap((from, frame) -> {
            if (from.id().startsWith("mem-client")) {
                clientEnds.add(from);
            }
        });
        HiveMindClient client = client(h, goodCredentials(ACCESS_KEY), ClientOptions.defaults());
        CompletableFuture<HiveMindConnection> pending = h.connectAsync(client).toCompletableFuture();
        waitFor(() -> h.workers().inFlight() >= 3);
        clientEnds.get(0).abort();
        gate.countDown();
        Exception e = assertThrows(Exception.class, () -> {
            try {
                pending.get(RawPeer.WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.ExecutionException ex) {
                throw (Exception) ex.getCause();
            }
        });
        assertInstanceOf(ConnectionClosedException.class, e);
        waitFor(() -> h.hub().openSessions() == 0 && h.workers().inFlight() == 0);
        assertEquals(0, h.scheduler().pending(), "the handshake deadlines must be cancelled");
        assertTrue(h.agent().received().isEmpty());
    }

    @Test
    void aClientWhoseRecordLacksTheMethodsCredentialIsNeverServedByIt() throws Exception {
        String name = newServerFactory().name();
        ClientRecord without = clientRecord(1, ACCESS_KEY).toBuilder().credential(name, null).build();
        HubHarness h = HubHarness.builder().methods(List.of(newServerFactory())).clients(List.of(without))
                .dataDirectory(serverDir).settings(serverSettings()).build();
        harnesses.add(h);
        HiveMindClient client = client(h, goodCredentials(ACCESS_KEY), ClientOptions.defaults());
        Exception e = assertThrows(Exception.class, () -> {
            HiveMindConnection c = h.connect(client);
            // a method whose key no message confirms learns of the refusal when the hub closes the connection
            throw new ConnectionClosedException(c.closed().toCompletableFuture()
                    .get(RawPeer.WAIT.toMillis(), TimeUnit.MILLISECONDS).code(), "closed");
        });
        if (e instanceof ConnectionClosedException closed) {
            assertEquals(1008, closed.peerCode(), closed.getMessage());
        } else {
            assertInstanceOf(AuthenticationException.class, e, "a typed refusal, got " + e);
        }
        waitFor(() -> h.hub().openSessions() == 0);
        assertTrue(h.agent().established().isEmpty());
        assertTrue(h.agent().received().isEmpty());
    }

    // ------------------------------------------------------------------ after the key exists

    @Test
    void aHelloInClearInPlaceOfTheSealedOneClosesWith1002AndEstablishesNothing() throws Exception {
        HubHarness h = harness();
        Frame plainHello = Frame.text(dev.hivemind.engine.tck.EngineFixtures.messages().serialize(HiveMessage
                .builder(dev.hivemind.api.wire.MessageType.HELLO)
                .payload(JsonValues.object("session", JsonValues.object("session_id", "x"))).build()));
        // an attacker on the wire swaps the satellite's sealed HELLO (its first encrypted frame) for one in clear
        h.transport().rewrite((from, frame) -> from.id().startsWith("mem-client") && frame instanceof Frame.Text t
                && t.text().contains("\"ciphertext\"") ? plainHello : null);
        HiveMindClient client = client(h, goodCredentials(ACCESS_KEY), ClientOptions.defaults());
        HiveMindConnection c = h.connect(client);
        HiveMindConnection.CloseInfo info = c.closed().toCompletableFuture()
                .get(RawPeer.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertEquals(1002, info.code());
        waitFor(() -> h.hub().openSessions() == 0);
        assertTrue(h.agent().established().isEmpty(), "a HELLO in clear must never establish a session");
        assertEquals(0, h.hub().metrics().established());
    }

    @Test
    void plaintextApplicationFrameAfterTheKeyClosesWith1002() throws Exception {
        HubHarness h = harness();
        HiveMindConnection c = h.connect(client(h, goodCredentials(ACCESS_KEY), ClientOptions.defaults()));
        MemoryConnection raw = clientEnd(h, c);
        String plain = dev.hivemind.engine.tck.EngineFixtures.messages().serialize(bus("injected"));
        raw.send(Frame.text(plain));
        waitFor(() -> !raw.isOpen());
        assertEquals(1002, raw.closeCode());
        assertTrue(h.agent().received().isEmpty());
    }

    @Test
    void replayedFrameIsRejected() throws Exception {
        HubHarness h = harness();
        List<Frame> sent = new CopyOnWriteArrayList<>();
        h.transport().tap((from, frame) -> {
            if (from.id().startsWith("mem-client")) {
                sent.add(frame);
            }
        });
        HiveMindConnection c = h.connect(client(h, goodCredentials(ACCESS_KEY), ClientOptions.defaults()));
        c.send(bus("once"));
        waitFor(() -> h.agent().received().size() == 1);
        MemoryConnection raw = clientEnd(h, c);
        raw.send(sent.get(sent.size() - 1));
        waitFor(() -> !raw.isOpen());
        assertEquals(1008, raw.closeCode());
        assertEquals(1, h.agent().received().size(), "the replay must not reach the application");
    }

    @Test
    void reflectedServerFrameIsRejected() throws Exception {
        HubHarness h = harness();
        List<Frame> fromServer = new CopyOnWriteArrayList<>();
        h.transport().tap((from, frame) -> {
            if (from.id().startsWith("mem-server")) {
                fromServer.add(frame);
            }
        });
        HiveMindConnection c = h.connect(client(h, goodCredentials(ACCESS_KEY), ClientOptions.defaults()));
        c.send(bus("ping"));
        assertTrue(c.poll(RawPeer.WAIT).isPresent());
        MemoryConnection raw = clientEnd(h, c);
        raw.send(fromServer.get(fromServer.size() - 1));
        waitFor(() -> !raw.isOpen());
        assertEquals(1008, raw.closeCode());
        assertEquals(1, h.agent().received().size());
    }

    @Test
    void handshakeAfterEstablishmentClosesWith1002() throws Exception {
        HubHarness h = harness();
        List<Frame> handshakes = new CopyOnWriteArrayList<>();
        h.transport().tap((from, frame) -> {
            if (from.id().startsWith("mem-client")) {
                handshakes.add(frame);
            }
        });
        HiveMindConnection c = h.connect(client(h, goodCredentials(ACCESS_KEY), ClientOptions.defaults()));
        MemoryConnection raw = clientEnd(h, c);
        String shake = dev.hivemind.engine.tck.EngineFixtures.messages().serialize(HiveMessage
                .builder(dev.hivemind.api.wire.MessageType.HANDSHAKE)
                .payload(JsonValues.object("binarize", false, "encodings", List.of("JSON-HEX"), "ciphers",
                        List.of("AES-GCM"), "envelope", "00".repeat(24))).build());
        raw.send(Frame.text(shake));
        waitFor(() -> !raw.isOpen());
        assertEquals(1002, raw.closeCode());
        assertTrue(h.agent().received().isEmpty());
    }

    // ------------------------------------------------------------------ helpers

    /** Sends {@code n} BUS messages and expects each echoed back, in order. */
    protected void exchange(HubHarness h, HiveMindConnection c, int n) throws Exception {
        int before = h.agent().received().size();
        for (int i = 0; i < n; i++) {
            c.send(bus("message " + i + " ✓ ünïcödé"));
        }
        for (int i = 0; i < n; i++) {
            HiveMessage back = c.poll(RawPeer.WAIT).orElseThrow(() -> new AssertionError("no echo"));
            assertEquals("message " + (backIndex(back)) + " ✓ ünïcödé", utterance(back));
            assertEquals(i, backIndex(back));
        }
        assertEquals(before + n, h.agent().received().size());
    }

    protected static HiveMessage bus(String text) {
        return HiveMessage.bus("recognizer_loop:utterance",
                JsonValues.object("utterances", List.of(text), "lang", "en-us"),
                JsonValues.object("source", "contract-test"));
    }

    private static String utterance(HiveMessage m) {
        Map<?, ?> data = (Map<?, ?>) m.payload().get("data");
        return (String) ((List<?>) data.get("utterances")).get(0);
    }

    private static int backIndex(HiveMessage m) {
        String u = utterance(m);
        return Integer.parseInt(u.substring("message ".length(), u.indexOf(' ', "message ".length())));
    }

    /** The client end of an established connection (found through the transport's live connections). */
    protected static MemoryConnection clientEnd(HubHarness h, HiveMindConnection c) throws Exception {
        List<MemoryConnection> ends = new CopyOnWriteArrayList<>();
        h.transport().tap((from, frame) -> {
            if (from.id().startsWith("mem-client")) {
                ends.add(from);
            }
        });
        c.send(bus("locate"));
        waitFor(() -> !ends.isEmpty());
        h.transport().tap(null);
        // drain messages up to the echo of the locate message; by then the agent has recorded it
        while (true) {
            HiveMessage m = c.poll(RawPeer.WAIT).orElseThrow(() -> new AssertionError("no echo of locate"));
            if ("locate".equals(utterance(m))) {
                break;
            }
        }
        h.agent().received().removeIf(m -> "locate".equals(utterance(m)));
        return ends.get(0);
    }

    protected static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + RawPeer.WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within " + RawPeer.WAIT.toSeconds() + " s");
            }
            Thread.sleep(5);
        }
    }
}
