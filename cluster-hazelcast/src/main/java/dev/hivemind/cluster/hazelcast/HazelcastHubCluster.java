package dev.hivemind.cluster.hazelcast;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.hivemind.engine.cluster.HubCluster;
import dev.hivemind.engine.codec.json.HiveJson;
import dev.hivemind.engine.codec.json.JsonLimits;
import dev.hivemind.engine.config.ClusterSettings;
import dev.hivemind.engine.config.LimitSettings;
import dev.hivemind.engine.hub.SourceLedger;
import dev.hivemind.engine.hub.router.HubIdentity;
import dev.hivemind.engine.hub.router.OtherNodes;
import dev.hivemind.engine.hub.router.RouterDirectory;
import dev.hivemind.engine.hub.router.Upstream;
import dev.hivemind.engine.inject.HubTopology;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A hub node in a cluster of hub nodes on a clustered Vert.x over Hazelcast, and the {@link HubTopology} it gives
 * the hub: the cluster's route id, the {@link ClusterPeerDirectory}, the {@link EventBusNodes}, the
 * {@link SharedSourceLedger} and the {@link ElectedUpstream}; plugins are offered the clustered {@link Vertx}.
 */
final class HazelcastHubCluster implements HubCluster, HubTopology, MembershipListener {
    private static final Logger LOG = LoggerFactory.getLogger(HazelcastHubCluster.class);
    /** Message sizes between nodes: what any configuration's frame limit allows, wrapped once more. */
    private static final JsonLimits NODE_LIMITS = new JsonLimits(128 << 20, 1100, 128 << 20);

    private final ClusterSettings settings;
    private final Vertx vertx;
    private final HazelcastInstance hazelcast;
    private final String memberId;
    private final String routeId;
    private final NodeMessages messages = new NodeMessages(new HiveJson(NODE_LIMITS));
    private final SharedWrites writes = new SharedWrites();
    private final ClusterPeerDirectory directory;
    private final EventBusNodes nodes;
    private final long sweeper;
    private volatile ElectedUpstream upstream;

    HazelcastHubCluster(ClusterSettings settings, Vertx vertx, HazelcastInstance hazelcast, String memberId) {
        this.settings = settings;
        this.vertx = vertx;
        this.hazelcast = hazelcast;
        this.memberId = memberId;
        IMap<String, String> meta = hazelcast.getMap("hivemind.cluster");
        meta.putIfAbsent("route_id", "hub:" + UUID.randomUUID());
        this.routeId = meta.get("route_id");
        this.directory = new ClusterPeerDirectory(hazelcast.getReplicatedMap("hivemind.peers"), memberId,
                this::oldest, writes);
        this.nodes = new EventBusNodes(vertx.eventBus(), memberId, messages);
        hazelcast.getCluster().addMembershipListener(this);
        directory.start();
        long sweepMillis = Math.max(1000, settings.failureTimeout().toMillis() * 3);
        this.sweeper = vertx.setPeriodic(sweepMillis, t -> writes.submit("sweep the directory",
                () -> directory.sweep(memberIds())));
    }

    // ---------------------------------------------------------------- HubCluster

    @Override
    public HubTopology topology() {
        return this;
    }

    @Override
    public String memberAddress() {
        return address(hazelcast.getCluster().getLocalMember());
    }

    @Override
    public List<String> members() {
        return hazelcast.getCluster().getMembers().stream().map(HazelcastHubCluster::address).toList();
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public void close() {
        ElectedUpstream up = upstream;
        if (up != null) {
            up.close();
        }
        vertx.cancelTimer(sweeper);
        directory.stop();
        writes.close();
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("leaving the cluster did not finish cleanly: {}", e.toString());
        }
    }

    // ---------------------------------------------------------------- HubTopology

    @Override
    public HubIdentity identity(String nodeId, String siteId, String publicKey) {
        return new HubIdentity(nodeId, routeId, siteId, publicKey, memberId);
    }

    @Override
    public RouterDirectory directory() {
        return directory;
    }

    @Override
    public OtherNodes otherNodes() {
        return nodes;
    }

    @Override
    public SourceLedger ledger(LimitSettings limits, Clock clock) {
        return new SharedSourceLedger(hazelcast, limits, clock);
    }

    @Override
    public synchronized Upstream upstream(Supplier<Upstream> link) {
        if (upstream == null) {
            upstream = new ElectedUpstream(link, vertx, hazelcast.getReplicatedMap("hivemind.state"), memberId,
                    messages, this::oldest, writes);
        }
        return upstream;
    }

    @Override
    public List<Object> services() {
        return List.of(vertx);
    }

    // ---------------------------------------------------------------- membership

    @Override
    public void memberAdded(MembershipEvent event) {
        LOG.info("cluster member joined: {} ({} members)", address(event.getMember()), event.getMembers().size());
        ElectedUpstream up = upstream;
        if (up != null) {
            up.elect();
        }
    }

    @Override
    public void memberRemoved(MembershipEvent event) {
        String left = event.getMember().getUuid().toString();
        LOG.warn("cluster member left: {} ({} members)", address(event.getMember()), event.getMembers().size());
        directory.memberLeft(left);
        ElectedUpstream up = upstream;
        if (up != null) {
            up.memberLeft(left);
        }
    }

    /** Drops this member out of the cluster at once, as a crash would (tests). */
    void terminateForTest() {
        hazelcast.getLifecycleService().terminate();
    }

    /** The replicated map of every node's peers (tests). */
    com.hazelcast.replicatedmap.ReplicatedMap<String, String> peerMapForTest() {
        return hazelcast.getReplicatedMap("hivemind.peers");
    }

    java.util.Set<String> memberIds() {
        return hazelcast.getCluster().getMembers().stream().map(m -> m.getUuid().toString())
                .collect(java.util.stream.Collectors.toSet());
    }

    private boolean oldest() {
        return hazelcast.getCluster().getMembers().iterator().next().localMember();
    }

    private static String address(Member m) {
        return m.getAddress().getHost() + ":" + m.getAddress().getPort();
    }
}
