package dev.hivemind.cluster.hazelcast;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.agent.PeerInfo;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.JsonValues;
import dev.hivemind.engine.cluster.HubCluster;
import dev.hivemind.engine.config.ConfigLoader;
import dev.hivemind.engine.config.ClusterSettings;
import dev.hivemind.engine.hub.router.HubIdentity;
import dev.hivemind.engine.hub.router.LocalPeerMailer;
import dev.hivemind.engine.hub.router.OtherNodes;
import dev.hivemind.engine.hub.router.PeerEntry;
import dev.hivemind.engine.hub.router.Router;
import dev.hivemind.engine.hub.router.RouterDirectory;
import dev.hivemind.engine.tck.EngineFixtures;
import dev.hivemind.engine.tck.IntercomFixtures;
import dev.hivemind.engine.tck.RecordingAgent;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * What a cluster adds per satellite and per message, for the sizing table of docs/cluster.md. Skipped by
 * {@code mvn verify}; run with
 * {@code mvn -B -pl cluster-hazelcast -am test -Dtest=ClusterCostMeasurement -Dsurefire.failIfNoSpecifiedTests=false
 * -Dhivemind.measure=true}. Results in {@code cluster-hazelcast/target/cluster-cost.txt}.
 */
@EnabledIfSystemProperty(named = "hivemind.measure", matches = "true")
class ClusterCostMeasurement {
    private static final int PEERS = 20_000;
    private static final int MESSAGES = 200_000;
    private static final String PEM = IntercomFixtures.pem(IntercomFixtures.keyPair().getPublic());

    private final List<String> report = new ArrayList<>();

    @Test
    void measure() throws Exception {
        String name = "cost-" + UUID.randomUUID();
        Map<String, Object> section = TestNode.clusterSection(name, List.of());
        ClusterSettings one = ConfigLoader.fromTree(Map.of("cluster", section), Path.of("target")).cluster();
        try (HubCluster a = new HazelcastClusterFactory().join(one)) {
            ClusterSettings two = ConfigLoader.fromTree(Map.of("cluster", TestNode.clusterSection(name,
                    List.of(a.memberAddress()))), Path.of("target")).cluster();
            try (HubCluster b = new HazelcastClusterFactory().join(two)) {
                RouterDirectory da = a.topology().directory();
                RouterDirectory db = b.topology().directory();
                HubIdentity ia = a.topology().identity("master:0.0.0.0", null, null);
                long before = usedHeap();
                for (int i = 0; i < PEERS; i++) {
                    da.register(entry(ia, i));
                }
                long end = System.nanoTime() + 120_000_000_000L;
                while (db.entries().size() < PEERS && System.nanoTime() < end) {
                    Thread.sleep(50);
                }
                assertTrue(db.entries().size() >= PEERS, "replicated: " + db.entries().size());
                long both = usedHeap() - before;
                line("directory: %,d bytes per peer for the node that holds it and one other node together, so about "
                        + "%,d bytes per peer of the cluster on every node (%,d peers, each with a site id and a 2048-bit "
                        + "public key in its HELLO)", both / PEERS, both / PEERS / 2, PEERS);
                delivery(a, b);
            }
        }
        Files.write(Path.of("target", "cluster-cost.txt"), report);
    }

    private void delivery(HubCluster a, HubCluster b) throws Exception {
        LocalPeerMailer mailerB = new LocalPeerMailer();
        HubIdentity ib = b.topology().identity("master:0.0.0.0", null, null);
        Router routerB = new Router(ib, b.topology().directory(), mailerB, b.topology().otherNodes(),
                EngineFixtures.messages(), new Router.Plugins(new RecordingAgent(), Optional.empty()),
                Clock.systemUTC());
        routerB.start();
        AtomicLong received = new AtomicLong();
        String address = ib.address("measure-1");
        mailerB.open(address, m -> received.incrementAndGet());
        OtherNodes fromA = a.topology().otherNodes();
        HiveMessage message = HiveMessage.bus("speak", JsonValues.object("utterance", "x".repeat(1000)),
                JsonValues.object("destination", List.of("peer")));
        for (int i = 0; i < 20_000; i++) {
            fromA.post(address, message); // warm-up
        }
        waitFor(received, 20_000);
        long cpu = processCpu();
        long wall = System.nanoTime();
        for (int i = 0; i < MESSAGES; i++) {
            fromA.post(address, message);
            if (i % 1000 == 999) {
                while (received.get() < 20_000 + i - 5_000) { // at most 5 000 in flight
                    Thread.onSpinWait();
                }
            }
        }
        waitFor(received, 20_000 + MESSAGES);
        long cpuNs = processCpu() - cpu;
        long wallNs = System.nanoTime() - wall;
        line("a 1 KiB BUS message to a peer on another node: %.1f us of CPU (sender and receiver together, the "
                + "receiving hub's own encryption not included), %,d messages/s between two nodes in one JVM",
                cpuNs / 1000.0 / MESSAGES, (long) (MESSAGES / (wallNs / 1e9)));
        line("machine load average at the end: %.1f", ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
        routerB.close();
    }

    private static void waitFor(AtomicLong counter, long value) throws InterruptedException {
        long end = System.nanoTime() + 120_000_000_000L;
        while (counter.get() < value && System.nanoTime() < end) {
            Thread.sleep(1);
        }
        assertTrue(counter.get() >= value, counter.get() + " of " + value);
    }

    private static PeerEntry entry(HubIdentity node, int i) {
        String peer = "HiveMessageBusClientV0.0.1::" + (1000 + i) + "::satellite-" + i + "::" + UUID.randomUUID();
        return new PeerEntry(new PeerInfo(peer, PeerInfo.Role.SATELLITE, 1000 + i, "satellite-" + i, "site-" + i,
                PEM, false, node.memberId()), node.address("websocket-" + i));
    }

    private static long usedHeap() throws InterruptedException {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(200);
            Runtime r = Runtime.getRuntime();
            least = Math.min(least, r.totalMemory() - r.freeMemory());
        }
        return least;
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private void line(String format, Object... args) {
        String s = String.format(java.util.Locale.ROOT, format, args);
        report.add(s);
        System.out.println(s);
    }
}
