package dev.hivemind.cluster.hazelcast;

import static dev.hivemind.cluster.hazelcast.Satellites.assertText;
import static dev.hivemind.cluster.hazelcast.Satellites.next;
import static dev.hivemind.cluster.hazelcast.Satellites.speak;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.wire.MessageType;
import dev.hivemind.engine.client.HiveMindConnection;
import dev.hivemind.engine.client.HubFailover;
import dev.hivemind.engine.codec.json.HiveMessageCodec;
import dev.hivemind.engine.hub.InMemoryClientRegistry;
import dev.hivemind.engine.hub.router.RouterDirectory;
import dev.hivemind.engine.session.ClientOptions;
import dev.hivemind.engine.tck.EngineFixtures;
import dev.hivemind.engine.tck.TestClients;
import dev.hivemind.engine.time.SystemScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Losing a node: when a member stops answering (its Hazelcast member terminated, as a crash leaves it), the others drop
 * its peers within the failure timeout; its satellites, cut off, reconnect through {@link HubFailover} to a node that
 * is alive, with a fresh handshake, and are served there.
 */
class NodeLossTest {
    private static final HiveMessageCodec CODEC = EngineFixtures.messages();

    @TempDir
    Path dir;

    @Test
    void theOthersDropADeadNodesPeersAndItsSatellitesAreServedElsewhere() throws Exception {
        ClientRecord admin = TestClients.client().id(1).key("k1").name("admin").admin(true).build();
        ClientRecord wanderer = TestClients.client().id(2).key("k2").name("wanderer").build();
        InMemoryClientRegistry registry = new InMemoryClientRegistry(List.of(admin, wanderer));
        String name = "loss-" + UUID.randomUUID();
        try (Satellites satellites = new Satellites(); SystemScheduler scheduler = new SystemScheduler();
                TestNode node1 = TestNode.start(dir.resolve("n1"), registry, TestNode.clusterSection(name, List.of()),
                        Map.of())) {
            TestNode node2 = TestNode.start(dir.resolve("n2"), registry, TestNode.clusterSection(name,
                    List.of(node1.cluster.memberAddress())), Map.of());
            RouterDirectory d1 = node1.server.hub().router().directory();
            HiveMindConnection satA = satellites.connect(node1.url(), admin, ClientOptions.defaults(), d1);
            HubFailover failover = new HubFailover(satellites.client(wanderer, ClientOptions.defaults()),
                    List.of(Satellites.endpoint(node2.url()), Satellites.endpoint(node1.url())), scheduler,
                    Duration.ofMillis(100), Duration.ofSeconds(1), 20);
            HubFailover.Connected first = failover.connect(null).toCompletableFuture().get(15, TimeUnit.SECONDS);
            assertEquals(node2.port, first.hub().port(), "the wanderer starts on node 2");
            Satellites.awaitPeer(d1, first.connection().sessionId());

            long crash = System.nanoTime();
            ((HazelcastHubCluster) node2.cluster).terminateForTest(); // node 2 drops out of the cluster at once
            long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (d1.peers().stream().anyMatch(p -> p.peerId().endsWith(first.connection().sessionId()))) {
                assertTrue(System.nanoTime() < end, "node 1 still lists the dead node's peer");
                Thread.sleep(20);
            }
            long dropped = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - crash);
            assertTrue(dropped <= 3_000 + 2_000, "dropped after " + dropped + " ms; failure timeout 3 s");

            node2.server.close(); // its connections end: the wanderer is cut off
            first.connection().closed().toCompletableFuture().get(15, TimeUnit.SECONDS);
            HubFailover.Connected again = failover.connect(null).toCompletableFuture().get(15, TimeUnit.SECONDS);
            assertEquals(node1.port, again.hub().port(), "the wanderer is served by node 1");
            Satellites.awaitPeer(d1, again.connection().sessionId());
            satA.send(CODEC.wrap(MessageType.BROADCAST, speak("still here")));
            assertText("still here", next(again.connection(), m -> m.type() == MessageType.BUS, "the broadcast"));
            node2.cluster.close();
        }
    }
}
