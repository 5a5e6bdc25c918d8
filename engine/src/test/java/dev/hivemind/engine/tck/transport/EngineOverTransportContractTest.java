package dev.hivemind.engine.tck.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.auth.ServerAuthFactory;
import dev.hivemind.api.error.ConnectionClosedException;
import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.transport.ClientEndpoint;
import dev.hivemind.api.transport.ServerTransportConfig;
import dev.hivemind.api.transport.TransportClient;
import dev.hivemind.api.transport.TransportFactory;
import dev.hivemind.api.transport.TransportServer;
import dev.hivemind.api.wire.BinaryPayloadType;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.JsonValues;
import dev.hivemind.engine.client.HiveMindClient;
import dev.hivemind.engine.client.HiveMindConnection;
import dev.hivemind.engine.config.CryptoSettings;
import dev.hivemind.engine.config.HandshakeSettings;
import dev.hivemind.engine.config.LimitSettings;
import dev.hivemind.engine.hub.Hub;
import dev.hivemind.engine.hub.InMemoryClientRegistry;
import dev.hivemind.engine.session.ClientOptions;
import dev.hivemind.engine.session.SessionEnvironment;
import dev.hivemind.engine.tck.EngineFixtures;
import dev.hivemind.engine.tck.ManualScheduler;
import dev.hivemind.engine.tck.RecordingAgent;
import dev.hivemind.engine.auth.AuthPolicy;
import dev.hivemind.engine.testplugin.TokenClientAuthFactory;
import dev.hivemind.engine.testplugin.TokenServerAuthFactory;
import dev.hivemind.engine.work.WorkerPool;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's sessions over a real transport on loopback sockets: complete handshakes with messages both ways (JSON
 * and binarized), a wrong secret refused with 1008, large messages, and a satellite that reconnects after the hub
 * restarts: it runs a fresh handshake with the new hub and never reuses the old key. The auth method is the engine's
 * test-only token method, so the kit needs no auth plugin; the distribution's integration tests repeat the matrix
 * with password, PSK and RSA.
 */
public abstract class EngineOverTransportContractTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String KEY = "engine-over-transport";
    private static final String SECRET = "a shared secret";

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final ManualScheduler scheduler = new ManualScheduler();

    /** The transport under test. */
    protected abstract TransportFactory factory();

    /** The scheme of an unencrypted connection ({@code ws}, {@code tcp}). */
    protected abstract String plainScheme();

    @AfterEach
    void closeResources() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                // best effort
            }
        }
    }

    private <T extends AutoCloseable> T track(T resource) {
        resources.add(resource);
        return resource;
    }

    /** A running hub: its transport server, hub and agent. */
    protected record RunningHub(TransportServer server, Hub hub, RecordingAgent agent, InetSocketAddress address) {
    }

    protected RunningHub startHub(int port, boolean binarize) {
        WorkerPool cpu = track(new WorkerPool("hub-cpu", 2, 32));
        WorkerPool io = track(WorkerPool.forBlockingIo("hub-io", 2));
        HandshakeSettings hs = new HandshakeSettings(true, Duration.ofSeconds(10), 3, 0, 2, binarize, true);
        SessionEnvironment env = EngineFixtures.environment(hs, CryptoSettings.defaults(), LimitSettings.defaults(),
                cpu, scheduler, new SecureRandom());
        RecordingAgent agent = new RecordingAgent();
        List<ServerAuthFactory> methods = List.of(new TokenServerAuthFactory());
        Hub hub = new Hub(new InMemoryClientRegistry(List.of(ClientRecord.builder(KEY).clientId(1).name("satellite")
                .credential("token", SECRET).build())), new AuthPolicy(methods, java.util.Set.of()),
                dev.hivemind.engine.tck.EngineFixtures.router(null, methods, agent,
                        new dev.hivemind.engine.tck.EchoingBinaryHandler(), Clock.systemUTC()), env, io,
                Clock.systemUTC());
        hub.startRouting();
        ServerTransportConfig config = new ServerTransportConfig("127.0.0.1", port,
                ServerTransportConfig.DEFAULT_MAX_FRAME_BYTES, Duration.ofMinutes(1), null, null, PluginSettings.empty());
        TransportServer server = factory().createServer(config, hub);
        InetSocketAddress address = server.start().toCompletableFuture().orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS)
                .join();
        resources.add(server::close);
        return new RunningHub(server, hub, agent, address);
    }

    protected HiveMindClient newClient(String secret, boolean binarize) {
        WorkerPool cpu = track(new WorkerPool("client-cpu", 2, 16));
        SessionEnvironment env = EngineFixtures.environment(HandshakeSettings.defaults(), CryptoSettings.defaults(),
                LimitSettings.defaults(), cpu, scheduler, new SecureRandom());
        TransportClient transport = factory().createClient(PluginSettings.empty());
        HiveMindClient client = new HiveMindClient(transport, List.of(new TokenClientAuthFactory()),
                new ClientCredentials(KEY, null, null, Map.of("token", secret)),
                ClientOptions.defaults().withBinarize(binarize), env);
        resources.add(client::close);
        return client;
    }

    protected ClientEndpoint endpoint(RunningHub hub) {
        return ClientEndpoint.parse(plainScheme() + "://127.0.0.1:" + hub.address().getPort(), 0);
    }

    protected static HiveMindConnection await(java.util.concurrent.CompletionStage<HiveMindConnection> stage)
            throws Exception {
        try {
            return stage.toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }

    private static HiveMessage utterance(String text) {
        return HiveMessage.bus("recognizer_loop:utterance", JsonValues.object("utterances", List.of(text), "lang",
                "en-us"), JsonValues.object());
    }

    private static String text(HiveMessage m) {
        return (String) ((List<?>) ((Map<?, ?>) m.payload().get("data")).get("utterances")).get(0);
    }

    private static void roundTrips(HiveMindConnection c, int n, String prefix) throws InterruptedException {
        for (int i = 0; i < n; i++) {
            c.send(utterance(prefix + i));
        }
        for (int i = 0; i < n; i++) {
            HiveMessage back = c.poll(WAIT).orElseThrow(() -> new AssertionError("no echo"));
            assertEquals(prefix + i, text(back));
        }
    }

    // ------------------------------------------------------------------ cases

    @Test
    void handshakeAndMessagesBothWaysOverJsonFrames() throws Exception {
        RunningHub hub = startHub(0, false);
        HiveMindConnection c = await(newClient(SECRET, true).connect(endpoint(hub)));
        assertEquals("token", c.sessionInfo().authMethod());
        assertTrue(!c.sessionInfo().binarize());
        roundTrips(c, 100, "json ");
        assertEquals(100, hub.agent().received().size());
        c.close();
    }

    @Test
    void handshakeAndMessagesBothWaysOverBinarizedFrames() throws Exception {
        RunningHub hub = startHub(0, true);
        HiveMindConnection c = await(newClient(SECRET, true).connect(endpoint(hub)));
        assertTrue(c.sessionInfo().binarize());
        roundTrips(c, 100, "bin ");
        byte[] audio = new byte[48_000];
        new SecureRandom().nextBytes(audio);
        c.send(HiveMessage.binary(BinaryPayloadType.RAW_AUDIO, audio, JsonValues.object("sample_rate", 16000)));
        HiveMessage back = c.poll(WAIT).orElseThrow(() -> new AssertionError("no binary echo"));
        assertEquals(BinaryPayloadType.RAW_AUDIO, back.binaryType());
        assertTrue(java.util.Arrays.equals(audio, back.binaryPayload()));
        c.close();
    }

    @Test
    void largeMessageWithinTheLimitRoundTrips() throws Exception {
        RunningHub hub = startHub(0, false);
        HiveMindConnection c = await(newClient(SECRET, false).connect(endpoint(hub)));
        String big = "x".repeat(200_000);
        c.send(utterance(big));
        assertEquals(big, text(c.poll(WAIT).orElseThrow(() -> new AssertionError("no echo"))));
        c.close();
    }

    @Test
    void wrongSecretIsRefusedWith1008AndNothingReachesTheHub() throws Exception {
        RunningHub hub = startHub(0, false);
        ConnectionClosedException e = assertInstanceOf(ConnectionClosedException.class,
                assertThrows(Exception.class, () -> await(newClient("not the secret", false).connect(endpoint(hub)))));
        assertEquals(1008, e.peerCode());
        assertTrue(hub.agent().received().isEmpty());
        assertTrue(hub.agent().established().isEmpty());
    }

    @Test
    void aSatelliteThatLeavesMidHandshakeFreesItsSession() throws Exception {
        RunningHub hub = startHub(0, false);
        dev.hivemind.engine.tck.RawPeer raw = new dev.hivemind.engine.tck.RawPeer();
        TransportClient transport = factory().createClient(PluginSettings.empty());
        resources.add(transport::close);
        transport.connect(endpoint(hub), new dev.hivemind.api.transport.AuthorizationToken("raw", KEY), raw::bind)
                .toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertTrue(raw.nextText().contains("\"hello\""));
        assertTrue(raw.nextText().contains("\"shake\""));
        raw.connection().close(dev.hivemind.api.error.CloseCode.GOING_AWAY, "changed my mind");
        long end = System.nanoTime() + WAIT.toNanos();
        while (hub.hub().openSessions() > 0 && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertEquals(0, hub.hub().openSessions());
        assertEquals(1, hub.hub().metrics().failedHandshakes());
        assertTrue(hub.agent().received().isEmpty());
    }

    @Test
    void reconnectAfterAHubRestartRunsAFreshHandshake() throws Exception {
        RunningHub first = startHub(0, false);
        int port = first.address().getPort();
        HiveMindClient client = newClient(SECRET, false);
        HiveMindConnection before = await(client.connect(endpoint(first)));
        roundTrips(before, 5, "before ");

        first.server().stop().toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        HiveMindConnection.CloseInfo closed = before.closed().toCompletableFuture().get(WAIT.toMillis(),
                TimeUnit.MILLISECONDS);
        assertNotEquals(1000, closed.code(), "the old session must see the hub go away");

        RunningHub second = startHub(port, false);
        HiveMindConnection after = await(client.connect(endpoint(second)));
        roundTrips(after, 5, "after ");
        assertEquals(1, second.agent().established().size(), "the new hub ran a complete handshake");
        assertEquals(5, second.agent().received().size());
        // the old connection is dead: sending on it reaches nobody and does not disturb the new session
        before.send(utterance("stale"));
        roundTrips(after, 1, "still fine ");
        assertEquals(6, second.agent().received().size());
        after.close();
    }
}
