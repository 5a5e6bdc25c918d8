package dev.hivemind.engine.tck.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hivemind.api.error.CloseCode;
import dev.hivemind.api.error.ConnectionClosedException;
import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.transport.Admission;
import dev.hivemind.api.transport.AdmissionRequest;
import dev.hivemind.api.transport.AuthorizationToken;
import dev.hivemind.api.transport.ClientEndpoint;
import dev.hivemind.api.transport.ClientTls;
import dev.hivemind.api.transport.Connection;
import dev.hivemind.api.transport.ConnectionAcceptor;
import dev.hivemind.api.transport.Frame;
import dev.hivemind.api.transport.ServerTls;
import dev.hivemind.api.transport.ServerTransportConfig;
import dev.hivemind.api.transport.TransportClient;
import dev.hivemind.api.transport.TransportFactory;
import dev.hivemind.api.transport.TransportServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract every {@link TransportFactory} must meet, run against real servers on loopback. A transport's test
 * module extends this class and supplies the factory and a {@link RawPeer} for the abuse cases; it may override
 * {@link #newServer} and {@link #newClient} to share one event-loop group across the class.
 *
 * <p>Each test starts its own server with a fresh {@link RecordingAcceptor}; {@link #startServer} takes a
 * configuration so that subclasses (and later handshake-level contract suites) can add cases with other limits.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TransportContractTest {
    /** Access key the acceptor knows. */
    protected static final String KEY = "known-access-key";
    /** A token for {@link #KEY}. */
    protected static final AuthorizationToken TOKEN = new AuthorizationToken("TransportContractTest", KEY);

    private final List<TransportServer> servers = new ArrayList<>();
    private final List<RecordingAcceptor> acceptors = new ArrayList<>();
    private TransportClient client;

    /** The transport under test. */
    protected abstract TransportFactory factory();

    /** The transport's scheme without TLS ({@code ws}, {@code tcp}). */
    protected abstract String plainScheme();

    /**
     * Opens a raw connection to {@code server} and presents {@code token}; returns once the transport's own setup
     * (upgrade request, AUTH frame) is sent. The peer then does only what the test tells it.
     */
    protected abstract RawPeer connectRaw(InetSocketAddress server, String token) throws IOException;

    /** What a refused client sees in {@link ConnectionClosedException#peerCode()} for this rejection. */
    protected abstract int refusalCode(Admission.Rejected rejection);

    /** Creates a server; override to share resources such as an event-loop group. */
    protected TransportServer newServer(ServerTransportConfig config, ConnectionAcceptor acceptor) {
        return factory().createServer(config, acceptor);
    }

    /** Creates the client used by the class; override to share resources. */
    protected TransportClient newClient() {
        return factory().createClient(PluginSettings.empty());
    }

    /** Loopback, an ephemeral port, maximum frame {@code maxFrameBytes}, the given idle timeout, no TLS. */
    protected ServerTransportConfig config(int maxFrameBytes, Duration idleTimeout) {
        return new ServerTransportConfig("127.0.0.1", 0, maxFrameBytes, idleTimeout, ServerTls.disabled(), null,
                PluginSettings.empty());
    }

    /** The default configuration of these tests: 1 MiB frames, a one-minute idle timeout. */
    protected ServerTransportConfig defaultConfig() {
        return config(ServerTransportConfig.DEFAULT_MAX_FRAME_BYTES, Duration.ofMinutes(1));
    }

    @BeforeAll
    void createClient() {
        client = newClient();
    }

    @AfterAll
    void closeClient() {
        if (client != null) {
            client.close();
        }
    }

    /** Stops every server of the test and checks the invariants every connection must meet. */
    @AfterEach
    void stopServersAndCheckInvariants() throws Exception {
        for (TransportServer s : servers) {
            s.stop().toCompletableFuture().get(RecordingHandler.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        servers.clear();
        for (RecordingAcceptor a : acceptors) {
            for (RecordingHandler h : a.handlers()) {
                h.awaitClose();
                assertEquals(List.of(), h.violations(), "server-side handler of " + h.connection().id());
                assertEquals(1, h.closeCount(), "onClosed calls on " + h.connection().id());
                assertFalse(h.connection().isOpen(), h.connection().id() + " still open after stop");
            }
        }
        acceptors.clear();
    }

    /** The client of this class. */
    protected TransportClient client() {
        return client;
    }

    /** A running server with its acceptor and bound address. */
    protected record Running(TransportServer server, RecordingAcceptor acceptor, InetSocketAddress address) {
    }

    /** Starts a server that knows {@link #KEY}; it is stopped after the test. */
    protected Running startServer(ServerTransportConfig config) {
        return startServer(config, RecordingAcceptor.knowing(KEY));
    }

    /** Starts a server with the given acceptor; it is stopped after the test. */
    protected Running startServer(ServerTransportConfig config, RecordingAcceptor acceptor) {
        TransportServer server = newServer(config, acceptor);
        servers.add(server);
        acceptors.add(acceptor);
        InetSocketAddress address = join(server.start().toCompletableFuture());
        assertNotEquals(0, address.getPort(), "start() must complete with the bound port");
        return new Running(server, acceptor, address);
    }

    /** An endpoint for a running server, plain scheme. */
    protected ClientEndpoint endpoint(Running running, int maxFrameBytes) {
        return new ClientEndpoint(plainScheme(), "127.0.0.1", running.address().getPort(), ClientTls.defaults(),
                maxFrameBytes, Duration.ofSeconds(5));
    }

    /** Both ends of one connection. */
    protected record Pair(RecordingHandler client, RecordingHandler server) {
        public Connection clientConnection() {
            return client.connection();
        }

        public Connection serverConnection() {
            return server.connection();
        }
    }

    /** Connects a recording client to {@code running} and consumes the server's greeting. */
    protected Pair connect(Running running) {
        return connect(running, endpoint(running, ServerTransportConfig.DEFAULT_MAX_FRAME_BYTES));
    }

    /** Connects a recording client to {@code endpoint} of {@code running} and consumes the server's greeting. */
    protected Pair connect(Running running, ClientEndpoint endpoint) {
        CompletableFuture<RecordingHandler> handler = new CompletableFuture<>();
        Connection connection = join(client.connect(endpoint, TOKEN, c -> {
            RecordingHandler h = RecordingHandler.recorder(c);
            handler.complete(h);
            return h;
        }).toCompletableFuture());
        RecordingHandler clientSide = join(handler);
        assertSame(connection, clientSide.connection(), "the handler factory gets the connection that connect returns");
        assertEquals(RecordingAcceptor.GREETING, clientSide.nextText(), "the server's greeting");
        return new Pair(clientSide, running.acceptor().awaitConnection());
    }

    protected static <T> T join(CompletableFuture<T> future) {
        try {
            return future.get(RecordingHandler.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("failed: " + e.getCause(), e.getCause());
        } catch (Exception e) {
            throw new AssertionError("did not complete within " + RecordingHandler.TIMEOUT, e);
        }
    }

    /** The exception a future failed with; fails the test if it completed normally or not at all. */
    protected static Throwable failure(CompletableFuture<?> future) {
        try {
            Object value = future.get(RecordingHandler.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            throw new AssertionError("expected a failure, got " + value);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            return cause;
        } catch (Exception e) {
            throw new AssertionError("did not complete within " + RecordingHandler.TIMEOUT, e);
        }
    }

    // ---------------------------------------------------------------- admission

    @Test
    void admitsAKnownAccessKeyAndOpensTheConnection() {
        Running running = startServer(defaultConfig());
        Pair pair = connect(running);

        AdmissionRequest request = running.acceptor().admissionRequests().get(0);
        assertEquals(factory().name(), request.transport());
        assertEquals(TOKEN.encode(), request.authorizationToken(), "the token reaches the engine exactly as sent");
        assertTrue(request.remoteAddress().getAddress().isLoopbackAddress(), "remote address " + request.remoteAddress());
        assertEquals(1, pair.server().openCount());
        assertEquals(1, pair.client().openCount());
        assertTrue(pair.clientConnection().isOpen());
        assertTrue(pair.serverConnection().isOpen());
        assertEquals(factory().name(), pair.serverConnection().transport());
        assertEquals(factory().name(), pair.clientConnection().transport());
        assertEquals(running.address().getPort(), pair.clientConnection().remoteAddress().getPort());
        assertNotEquals(pair.clientConnection().id(), "", "connections have an id");
    }

    @Test
    void refusesAnUnknownAccessKeyBeforeOpening() {
        Running running = startServer(defaultConfig());
        AtomicInteger handlersMade = new AtomicInteger();
        Throwable error = failure(client.connect(endpoint(running, 1 << 20),
                new AuthorizationToken("TransportContractTest", "not-a-known-key"), c -> {
                    handlersMade.incrementAndGet();
                    return RecordingHandler.recorder(c);
                }).toCompletableFuture());

        ConnectionClosedException refused = assertInstanceOf(ConnectionClosedException.class, error);
        assertEquals(refusalCode(Admission.Rejected.unknownKey()), refused.peerCode());
        assertEquals(0, handlersMade.get(), "no handler for a refused connection");
        assertEquals(0, running.acceptor().openedCount(), "the engine never sees a refused connection open");
        assertEquals(1, running.acceptor().admissionRequests().size());
    }

    @Test
    void opensNothingBeforeTheAdmissionDecision() throws Exception {
        RecordingAcceptor acceptor = RecordingAcceptor.knowing(KEY);
        acceptor.holdAdmissions();
        Running running = startServer(defaultConfig(), acceptor);
        CompletableFuture<Connection> pending = client.connect(endpoint(running, 1 << 20), TOKEN,
                RecordingHandler::recorder).toCompletableFuture();

        awaitCondition(() -> acceptor.admissionRequests().size() == 1, "the admission request");
        assertFalse(pending.isDone(), "connect completed before the engine admitted the connection");
        assertEquals(0, acceptor.openedCount());

        acceptor.releaseAdmissions();
        join(pending);
        RecordingHandler server = acceptor.awaitConnection();
        // the engine's handler is made first, then opened (on the connection's thread): wait for the second step
        awaitCondition(() -> server.openCount() > 0, "the server side opened");
        assertEquals(1, server.openCount());
    }

    // ---------------------------------------------------------------- frames

    @Test
    void carriesTextAndBinaryFramesBothWays() {
        Running running = startServer(defaultConfig());
        Pair pair = connect(running);
        byte[] allBytes = new byte[256];
        for (int i = 0; i < allBytes.length; i++) {
            allBytes[i] = (byte) i;
        }
        List<Frame> sent = List.of(
                Frame.text("{\"msg_type\": \"bus\", \"payload\": {\"type\": \"speak\"}}"),
                Frame.binary(allBytes),
                Frame.text("ünïcödé — 日本語 — 🐝"),
                Frame.text(""),
                Frame.binary(new byte[0]),
                Frame.binary(new byte[70_000]));
        for (Frame f : sent) {
            join(pair.clientConnection().send(f).toCompletableFuture());
        }
        for (Frame f : sent) {
            assertFrameEquals(f, pair.server().nextFrame(), "server received");
        }
        for (Frame f : sent) {
            assertFrameEquals(f, pair.client().nextFrame(), "client received the echo");
        }
    }

    @Test
    void acceptsAFrameOfExactlyTheMaximumSize() {
        Running running = startServer(config(4096, Duration.ofMinutes(1)));
        Pair pair = connect(running);
        byte[] max = new byte[4096];
        max[4095] = 7;
        pair.clientConnection().send(Frame.binary(max));
        assertFrameEquals(Frame.binary(max), pair.server().nextFrame(), "a frame of exactly maxFrameBytes");
        String text = "é".repeat(2048);
        pair.clientConnection().send(Frame.text(text));
        assertFrameEquals(Frame.text(text), pair.server().nextFrame(), "a text frame of exactly maxFrameBytes UTF-8 bytes");
    }

    @Test
    void keepsOrderWhenFramesAreSentFromOtherThreads() throws Exception {
        Running running = startServer(defaultConfig());
        Pair pair = connect(running);
        int perThread = 100;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            String prefix = "t" + t + ":";
            threads.add(new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    pair.serverConnection().send(Frame.text(prefix + i));
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join(RecordingHandler.TIMEOUT.toMillis());
        }
        int[] next = new int[threads.size()];
        for (int i = 0; i < perThread * threads.size(); i++) {
            String[] parts = pair.client().nextText().split(":");
            int thread = Integer.parseInt(parts[0].substring(1));
            assertEquals(next[thread]++, Integer.parseInt(parts[1]), "frames of one sender arrive in order");
        }
    }

    @Test
    void deliversEveryCallbackOnTheConnectionExecutor() {
        Running running = startServer(defaultConfig());
        Pair pair = connect(running);
        pair.clientConnection().send(Frame.text("ping"));
        pair.client().nextFrame();
        assertSame(pair.server().executorThread(), pair.server().callbackThread(), "server callbacks and executor");
        assertSame(pair.client().executorThread(), pair.client().callbackThread(), "client callbacks and executor");
        CompletableFuture<Thread> ran = new CompletableFuture<>();
        pair.serverConnection().executor().execute(() -> ran.complete(Thread.currentThread()));
        assertSame(pair.server().callbackThread(), join(ran));
    }

    // ---------------------------------------------------------------- close

    @ParameterizedTest(name = "client closes with {0}")
    @EnumSource(CloseCode.class)
    void passesTheClientsCloseCodeToTheServer(CloseCode code) {
        Running running = startServer(defaultConfig());
        Pair pair = connect(running);
        pair.clientConnection().close(code, "client says " + code.defaultReason());

        assertEquals(new CloseEvent(code.code(), "client says " + code.defaultReason()), pair.server().awaitClose());
        assertEquals(new CloseEvent(code.code(), "client says " + code.defaultReason()), pair.client().awaitClose());
        assertFalse(pair.clientConnection().isOpen());
        assertEquals(List.of(), pair.client().violations());
    }

    @ParameterizedTest(name = "server closes with {0}")
    @EnumSource(CloseCode.class)
    void passesTheServersCloseCodeToTheClient(CloseCode code) {
        Running running = startServer(defaultConfig());
        Pair pair = connect(running);
        pair.serverConnection().close(code, code.defaultReason());

        assertEquals(new CloseEvent(code.code(), code.defaultReason()), pair.client().awaitClose());
        assertEquals(new CloseEvent(code.code(), code.defaultReason()), pair.server().awaitClose());
        assertEquals(1, pair.client().closeCount());
        assertEquals(List.of(), pair.client().violations());
    }

    @Test
    void closeIsIdempotentAndSendAfterCloseFails() {
        Running running = startServer(defaultConfig());
        Pair pair = connect(running);
        pair.clientConnection().close(CloseCode.NORMAL, "first");
        pair.clientConnection().close(CloseCode.PROTOCOL_ERROR, "second");
        assertEquals(new CloseEvent(1000, "first"), pair.client().awaitClose());
        assertEquals(new CloseEvent(1000, "first"), pair.server().awaitClose());
        assertFalse(pair.clientConnection().isOpen());
        Throwable error = failure(pair.clientConnection().send(Frame.text("too late")).toCompletableFuture());
        assertInstanceOf(ConnectionClosedException.class, error);
    }

    @Test
    void truncatesALongCloseReasonTo123Bytes() {
        Running running = startServer(defaultConfig());
        Pair pair = connect(running);
        pair.serverConnection().close(CloseCode.POLICY_VIOLATION, "é".repeat(100));
        CloseEvent event = pair.client().awaitClose();
        assertEquals(1008, event.code());
        assertTrue(event.reason().getBytes(StandardCharsets.UTF_8).length <= 123, "reason of " + event.reason().length());
        assertTrue("é".repeat(100).startsWith(event.reason()), "the reason is cut, not garbled");
    }

    // ---------------------------------------------------------------- limits and failures

    @Test
    void closesAnOversizedFrameWith1009BeforeReadingIt() throws Exception {
        Running running = startServer(config(1024, Duration.ofMinutes(1)));
        try (RawPeer raw = connectRaw(running.address(), TOKEN.encode())) {
            RecordingHandler server = running.acceptor().awaitConnection();
            raw.sendOversizedHeader(1025);
            assertEquals(1009, raw.awaitClose(RecordingHandler.TIMEOUT));
            assertEquals(1009, server.awaitClose().code());
        }
    }

    @Test
    void closesAHugeAnnouncedLengthWith1009() throws Exception {
        Running running = startServer(defaultConfig());
        try (RawPeer raw = connectRaw(running.address(), TOKEN.encode())) {
            RecordingHandler server = running.acceptor().awaitConnection();
            raw.sendOversizedHeader(2L * 1024 * 1024 * 1024);
            assertEquals(1009, raw.awaitClose(RecordingHandler.TIMEOUT));
            assertEquals(1009, server.awaitClose().code());
        }
    }

    @Test
    void theClientClosesAnOversizedFrameFromTheServerWith1009() {
        Running running = startServer(defaultConfig());
        Pair pair = connect(running, endpoint(running, 1024));
        pair.serverConnection().send(Frame.binary(new byte[1025]));
        assertEquals(1009, pair.client().awaitClose().code());
        assertEquals(1009, pair.server().awaitClose().code());
        assertEquals(0, pair.client().pendingFrames(), "the oversized frame is not delivered");
    }

    @Test
    void closesASilentConnectionAtTheIdleDeadline() throws Exception {
        Duration idle = Duration.ofMillis(400);
        Running running = startServer(config(1 << 20, idle));
        try (RawPeer raw = connectRaw(running.address(), TOKEN.encode())) {
            RecordingHandler server = running.acceptor().awaitConnection();
            long openedAt = System.nanoTime();
            assertTrue(raw.awaitPing(RecordingHandler.TIMEOUT), "the server pings a quiet peer before giving up on it");
            CloseEvent event = server.awaitClose();
            long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - openedAt);
            assertEquals(CloseCode.POLICY_VIOLATION.code(), event.code(), "idle close code: " + event);
            assertEquals("idle timeout", event.reason());
            assertTrue(elapsedMillis >= idle.toMillis() - 50, "closed after " + elapsedMillis + " ms");
            int seen = raw.awaitClose(RecordingHandler.TIMEOUT);
            assertTrue(seen == 1008 || seen == -1, "the silent peer sees a close 1008 or the end of the stream: " + seen);
        }
    }

    @Test
    void reportsAnAbortedConnectionExactlyOnce() throws Exception {
        Running running = startServer(defaultConfig());
        RawPeer raw = connectRaw(running.address(), TOKEN.encode());
        RecordingHandler server = running.acceptor().awaitConnection();
        raw.sendText("half a conversation");
        assertEquals("half a conversation", ((Frame.Text) server.nextFrame()).text());
        raw.abort();
        CloseEvent event = server.awaitClose();
        assertEquals(1006, event.code(), "an abrupt drop is reported as 1006: " + event);
        Throwable error = failure(server.connection().send(Frame.text("to nobody")).toCompletableFuture());
        assertInstanceOf(ConnectionClosedException.class, error);
        assertEquals(1, server.closeCount());
    }

    @Test
    void servesSeveralConnectionsAtOnce() {
        Running running = startServer(defaultConfig());
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            pairs.add(connect(running));
        }
        for (int i = 0; i < pairs.size(); i++) {
            pairs.get(i).clientConnection().send(Frame.text("from " + i));
        }
        for (int i = 0; i < pairs.size(); i++) {
            assertEquals("from " + i, pairs.get(i).client().nextText(), "each client gets its own echo");
            assertEquals("from " + i, ((Frame.Text) pairs.get(i).server().nextFrame()).text());
        }
        assertEquals(6, running.acceptor().openedCount());
        pairs.get(2).clientConnection().close(CloseCode.NORMAL, "leaving");
        assertEquals(1000, pairs.get(2).server().awaitClose().code());
        pairs.get(3).clientConnection().send(Frame.text("others unaffected"));
        assertEquals("others unaffected", pairs.get(3).client().nextText());
    }

    @Test
    void stopClosesEveryLiveConnectionWith1001() {
        Running running = startServer(defaultConfig());
        List<Pair> pairs = List.of(connect(running), connect(running), connect(running));
        join(running.server().stop().toCompletableFuture());
        for (Pair p : pairs) {
            assertEquals(1001, p.server().awaitClose().code(), "server side of " + p.serverConnection().id());
            assertEquals(1001, p.client().awaitClose().code(), "client side of " + p.clientConnection().id());
            assertFalse(p.clientConnection().isOpen());
        }
        Throwable error = failure(client.connect(endpoint(running, 1 << 20), TOKEN, RecordingHandler::recorder)
                .toCompletableFuture());
        assertFalse(error instanceof AssertionError, "a stopped server accepts nothing: " + error);
    }

    // ---------------------------------------------------------------- helpers

    protected static void assertFrameEquals(Frame expected, Frame actual, String what) {
        if (expected instanceof Frame.Text t) {
            Frame.Text got = assertInstanceOf(Frame.Text.class, actual, what);
            assertEquals(t.text(), got.text(), what);
        } else {
            Frame.Binary got = assertInstanceOf(Frame.Binary.class, actual, what);
            assertArrayEquals(((Frame.Binary) expected).data(), got.data(), what);
        }
    }

    /** Polls a condition (a safety net bounds the wait); for state that has no event to wait on. */
    protected static void awaitCondition(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + RecordingHandler.TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
