package dev.hivemind.cluster.hazelcast;

import static dev.hivemind.cluster.hazelcast.Satellites.assertText;
import static dev.hivemind.cluster.hazelcast.Satellites.next;
import static dev.hivemind.cluster.hazelcast.Satellites.speak;
import static dev.hivemind.cluster.hazelcast.Satellites.utterance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.agent.PeerInfo;
import dev.hivemind.api.error.ConnectionClosedException;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.MessageType;
import dev.hivemind.engine.client.HiveMindConnection;
import dev.hivemind.engine.codec.json.HiveMessageCodec;
import dev.hivemind.engine.config.ConfigLoader;
import dev.hivemind.engine.hub.InMemoryClientRegistry;
import dev.hivemind.engine.hub.router.PeerEntry;
import dev.hivemind.engine.hub.router.RouterDirectory;
import dev.hivemind.engine.plugin.PluginCatalog;
import dev.hivemind.engine.runtime.HiveMindEngine;
import dev.hivemind.engine.runtime.HubServer;
import dev.hivemind.engine.session.ClientOptions;
import dev.hivemind.engine.tck.EngineFixtures;
import dev.hivemind.engine.tck.IntercomFixtures;
import dev.hivemind.engine.tck.RecordingAgent;
import dev.hivemind.engine.tck.TestClients;
import dev.hivemind.engine.testplugin.TokenClientAuthFactory;
import dev.hivemind.engine.testplugin.TokenServerAuthFactory;
import dev.hivemind.transport.websocket.WebSocketTransportFactory;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two hub nodes in one Hazelcast cluster in this JVM (one shared client registry), the oldest linked to an upstream hub:
 * satellites on different nodes exchange BUS (through a verticle on the clustered bus), BROADCAST, PROPAGATE, ESCALATE
 * and INTERCOM as on one hub, each exactly once; the directory, the failure counts and the key-derivation budgets are
 * the cluster's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodeClusterTest {
    private static final HiveMessageCodec CODEC = EngineFixtures.messages();
    private static final KeyPair KEY_B = IntercomFixtures.keyPair();
    private static final KeyPair KEY_D = IntercomFixtures.keyPair();

    private final ClientRecord admin = TestClients.client().id(1).key("k1").name("admin").admin(true).build();
    private final ClientRecord b = TestClients.client().id(2).key("k2").name("b").build();
    private final ClientRecord c = TestClients.client().id(3).key("k3").name("c").build();
    private final ClientRecord d = TestClients.client().id(4).key("k4").name("d").build();
    private final ClientRecord victim = TestClients.client().id(5).key("k5").name("victim").build();
    private final ClientRecord hubClient = TestClients.client().id(1).key("cluster").name("cluster").admin(true)
            .password("up-secret").build();
    private final ClientRecord topClient = TestClients.client().id(2).key("top").name("top-satellite").build();

    private final RecordingAgent topAgent = new RecordingAgent().echo(false);
    private final Satellites satellites = new Satellites();
    private Path dir;
    private HubServer top;
    private TestNode node1;
    private TestNode node2;
    private HiveMindConnection satA;
    private HiveMindConnection satB;
    private HiveMindConnection satC;
    private HiveMindConnection satD;
    private HiveMindConnection satTop;

    @BeforeAll
    void startCluster() throws Exception {
        dir = Files.createTempDirectory("cluster-test");
        top = HiveMindEngine.create(ConfigLoader.fromTree(Map.of("transports", Map.of("websocket",
                Map.of("host", "127.0.0.1", "port", 0)), "auth", Map.of("methods", List.of("token")),
                "agent", "recording"), dir.resolve("top")), PluginCatalog.of(List.of(new TokenServerAuthFactory()),
                List.of(new TokenClientAuthFactory()), List.of(new WebSocketTransportFactory()), List.of(topAgent)),
                new InMemoryClientRegistry(List.of(hubClient, topClient)));
        int topPort = top.start().get("websocket").getPort();
        satTop = satellites.connect("ws://127.0.0.1:" + topPort, topClient, ClientOptions.defaults());
        Map<String, Object> more = Map.of("limits", Map.of("max_auth_failures", 4),
                "upstream", Map.of("url", "ws://127.0.0.1:" + topPort, "access_key", "cluster", "auth",
                        List.of("token"), "options", Map.of("token", "up-secret"), "reconnect_initial", "200ms"));
        InMemoryClientRegistry registry = new InMemoryClientRegistry(List.of(admin, b, c, d, victim));
        String name = "two-" + UUID.randomUUID();
        node1 = TestNode.start(dir.resolve("n1"), registry, TestNode.clusterSection(name, List.of()), more);
        node2 = TestNode.start(dir.resolve("n2"), registry, TestNode.clusterSection(name,
                List.of(node1.cluster.memberAddress())), more);
        assertEquals(2, node2.cluster.members().size(), "the second node joined the first");
        RouterDirectory[] both = {directory(node1), directory(node2)};
        satA = satellites.connect(node1.url(), admin, ClientOptions.defaults().withSiteId("site-a"), both);
        satB = satellites.connect(node2.url(), b, ClientOptions.defaults().withSiteId("site-b")
                .withHelloPublicKey(IntercomFixtures.pem(KEY_B.getPublic())), both);
        satC = satellites.connect(node2.url(), c, ClientOptions.defaults().withSiteId("site-c"), both);
        satD = satellites.connect(node1.url(), d, ClientOptions.defaults().withSiteId("kitchen")
                .withHelloPublicKey(IntercomFixtures.pem(KEY_D.getPublic())), both);
    }

    @AfterAll
    void stopCluster() {
        satellites.close();
        if (node2 != null) {
            node2.close();
        }
        if (node1 != null) {
            node1.close();
        }
        if (top != null) {
            top.close();
        }
    }

    /** Each test starts with empty inboxes (what an earlier test's markers left behind is read and dropped). */
    @BeforeEach
    void drainInboxes() throws InterruptedException {
        for (HiveMindConnection s : List.of(satA, satB, satC, satD, satTop)) {
            while (s.poll(Duration.ofMillis(100)).isPresent()) {
                // left over
            }
        }
    }

    private static RouterDirectory directory(TestNode n) {
        return n.server.hub().router().directory();
    }

    @Test
    void everyNodeListsEveryPeerWithTheNodeThatHoldsIt() throws Exception {
        PeerInfo b1 = Satellites.awaitPeer(directory(node1), satB.sessionId());
        PeerInfo b2 = Satellites.awaitPeer(directory(node2), satB.sessionId());
        assertEquals(b1, b2);
        PeerInfo a2 = Satellites.awaitPeer(directory(node2), satA.sessionId());
        assertNotEquals(a2.node(), b2.node(), "a and b are held by different nodes");
        assertEquals(List.of(b2), directory(node1).bySiteId("site-b"));
        assertEquals(List.of(b2), directory(node1).byPublicKey(IntercomFixtures.pem(KEY_B.getPublic())));
        assertEquals(node1.server.hub().router().identity().routeId(), node2.server.hub().router().identity()
                .routeId(), "to the hive the cluster is one hub");
    }

    @Test
    void aBusReachesTheVerticleOnceAndItsReplyThePeerOnTheOtherNodeOnce() throws Exception {
        BlockingQueue<JsonObject> heard = new LinkedBlockingQueue<>();
        MessageConsumer<JsonObject> verticle = node2.vertx().eventBus().consumer("hivemind.bus", m -> {
            heard.add(m.body().copy().put("peer_header", m.headers().get("peer")));
        });
        verticle.completion().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        try {
            String peerA = Satellites.awaitPeer(directory(node2), satA.sessionId()).peerId();
            String peerB = Satellites.awaitPeer(directory(node1), satB.sessionId()).peerId();
            satA.send(utterance("lights on"));
            JsonObject got = heard.poll(15, TimeUnit.SECONDS);
            assertEquals(peerA, got.getString("peer_header"));
            assertEquals("lights on", got.getJsonObject("data").getJsonArray("utterances").getString(0));
            // published: every node's agent receives it, each delivers to its own peers
            node2.vertx().eventBus().publish("hivemind.reply", reply("published to b", peerB));
            assertText("published to b", next(satB, m -> m.type() == MessageType.BUS, "the published reply"));
            // sent: one node's agent receives it and delivers wherever the peer is
            node1.vertx().eventBus().send("hivemind.reply", reply("sent to b", peerB));
            assertText("sent to b", next(satB, m -> m.type() == MessageType.BUS, "the sent reply"));
            satA.send(CODEC.wrap(MessageType.BROADCAST, speak("marker")));
            assertText("marker", next(satB, m -> true, "the marker, no second copy of a reply"));
            assertEquals(null, heard.poll(200, TimeUnit.MILLISECONDS), "the utterance reached the bus once");
        } finally {
            verticle.unregister();
        }
    }

    private static JsonObject reply(String text, String peer) {
        return new JsonObject().put("type", "speak").put("data", new JsonObject().put("utterance", text))
                .put("context", new JsonObject().put("destination", new JsonArray().add(peer)).put("source", "skills"));
    }

    @Test
    void aBroadcastReachesEveryOtherPeerOnEveryNodeOnce() throws Exception {
        satA.send(CODEC.wrap(MessageType.BROADCAST, speak("dinner")));
        for (HiveMindConnection other : List.of(satB, satC, satD)) {
            assertText("dinner", next(other, m -> m.type() == MessageType.BUS, "the broadcast"));
        }
        satA.send(CODEC.wrap(MessageType.BROADCAST, speak("after")));
        for (HiveMindConnection other : List.of(satB, satC, satD)) {
            assertText("after", next(other, m -> true, "the second broadcast, no copy of the first"));
        }
    }

    @Test
    void aPropagateReachesEveryOtherPeerOnceAndGoesUpThroughTheOldestNode() throws Exception {
        satC.send(CODEC.wrap(MessageType.PROPAGATE, utterance("everyone")));
        for (HiveMindConnection other : List.of(satA, satB, satD)) {
            assertText("everyone", next(other, m -> m.type() == MessageType.BUS, "the propagated message"));
        }
        satA.send(CODEC.wrap(MessageType.BROADCAST, speak("after propagate")));
        for (HiveMindConnection other : List.of(satB, satC, satD)) {
            assertText("after propagate", next(other, m -> true, "the marker, no second copy"));
        }
        assertText("everyone", next(satTop, m -> m.type() == MessageType.BUS, "the propagated message, upstream"));
        satTop.send(CODEC.wrap(MessageType.PROPAGATE, utterance("from the top")));
        for (HiveMindConnection other : List.of(satA, satB, satC, satD)) {
            assertText("from the top", next(other, m -> m.type() == MessageType.BUS, "the propagate from above"));
        }
    }

    @Test
    void anEscalateFromTheNodeWithoutTheLinkReachesTheUpstreamHubOnce() throws Exception {
        satB.send(CODEC.wrap(MessageType.ESCALATE, utterance("up from node 2")));
        HiveMessage got = topAgent.await(r -> "up from node 2".equals(Satellites.text(r.message()))).message();
        assertEquals(MessageType.BUS, got.type());
        Thread.sleep(300);
        assertEquals(1, topAgent.received().stream().filter(m -> "up from node 2".equals(Satellites.text(m)))
                .count());
    }

    @Test
    void anIntercomReachesTheHolderOfItsKeyOnTheOtherNode() throws Exception {
        HiveMessage signed = IntercomFixtures.intercom(KEY_D.getPublic(), KEY_B.getPrivate(), "for d");
        satB.send(signed);
        HiveMessage got = next(satD, m -> m.type() == MessageType.INTERCOM, "the intercom");
        assertEquals(signed.payload(), got.payload());
        HiveMessage bySite = IntercomFixtures.intercom(KEY_D.getPublic(), KEY_B.getPrivate(), "to the kitchen")
                .toBuilder().targetPubkey(null).targetSiteId("kitchen").build();
        satB.send(bySite);
        assertEquals(bySite.payload(), next(satD, m -> m.type() == MessageType.INTERCOM, "by site").payload());
    }

    @Test
    void failuresSpreadOverTheNodesCountOnce() throws Exception {
        ClientRecord wrong = TestClients.client().id(5).key("k5").name("victim").password("wrong").build();
        List<TestNode> nodes = List.of(node1, node2);
        for (int i = 0; i < 4; i++) {
            Throwable e = failure(nodes.get(i % 2).url(), wrong);
            assertTrue(!(e instanceof ConnectionClosedException c) || c.peerCode() != 429,
                    "attempt " + (i + 1) + " reaches the credential check: " + e);
        }
        for (TestNode n : nodes) {
            Throwable e = failure(n.url(), wrong);
            assertTrue(e instanceof ConnectionClosedException c && c.peerCode() == 429,
                    "a fifth attempt is refused at " + n.url() + ": " + e);
        }
    }

    @Test
    void keyDerivationsSpreadOverTheNodesShareOneBudget() throws Exception {
        var limits = ConfigLoader.fromTree(Map.of("limits", Map.of("kdf_per_client", 3)), dir).limits();
        var one = node1.cluster.topology().ledger(limits, java.time.Clock.systemUTC());
        var two = node2.cluster.topology().ledger(limits, java.time.Clock.systemUTC());
        String client = "key:kdf-test@ip:192.0.2.1";
        for (int i = 0; i < 3; i++) {
            assertTrue((i % 2 == 0 ? one : two).tryChargeKdf(client, "ip:192.0.2.1"), "derivation " + (i + 1));
            Thread.sleep(50); // each charge reaches the shared map before the next admission reads it
        }
        one.blocked(client, "ip:192.0.2.1").toCompletableFuture().get(10, TimeUnit.SECONDS);
        two.blocked(client, "ip:192.0.2.1").toCompletableFuture().get(10, TimeUnit.SECONDS);
        Thread.sleep(50);
        assertTrue(!one.tryChargeKdf(client, "ip:192.0.2.1") && !two.tryChargeKdf(client, "ip:192.0.2.1"),
                "the budget of 3 is spent on both nodes");
    }

    @Test
    void theSweepDropsWhatAMemberThatIsGoneLeftInTheDirectory() throws Exception {
        HazelcastHubCluster cluster = (HazelcastHubCluster) node1.cluster;
        ClusterPeerDirectory directory = (ClusterPeerDirectory) cluster.topology().directory();
        PeerEntry ghost = new PeerEntry(new PeerInfo("ghost::peer", PeerInfo.Role.SATELLITE, 99, "ghost", "nowhere",
                null, false, "gone-member"), "gone-member/websocket-1");
        cluster.peerMapForTest().put(ghost.peerId(), NodeMessages.entry(ghost));
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (directory(node2).entry("ghost::peer").isEmpty()) {
            assertTrue(System.nanoTime() < end, "the ghost never reached node 2");
            Thread.sleep(5);
        }
        directory.sweep(cluster.memberIds());
        ((ClusterPeerDirectory) directory(node2)).sweep(cluster.memberIds());
        assertTrue(directory.entry("ghost::peer").isEmpty() && directory(node2).entry("ghost::peer").isEmpty());
        assertTrue(!cluster.peerMapForTest().containsKey("ghost::peer"), "the oldest member removed it");
        Satellites.awaitPeer(directory(node1), satB.sessionId()); // the live peers stay
    }

    private Throwable failure(String url, ClientRecord record) throws Exception {
        try {
            HiveMindConnection c = satellites.client(record, ClientOptions.defaults()).connect(Satellites.endpoint(url))
                    .toCompletableFuture().get(15, TimeUnit.SECONDS);
            c.close();
            throw new AssertionError("a wrong token was accepted at " + url);
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        }
    }
}
