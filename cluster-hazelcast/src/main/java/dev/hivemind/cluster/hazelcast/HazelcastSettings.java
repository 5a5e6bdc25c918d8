package dev.hivemind.cluster.hazelcast;

import com.hazelcast.config.Config;
import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.config.MultiMapConfig;
import com.hazelcast.config.NetworkConfig;
import dev.hivemind.engine.config.ClusterSettings;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Hazelcast configuration of a hub node, made from the {@code cluster:} section: TCP/IP discovery of the listed
 * members (multicast only on request), the member port on the configured interface, the heartbeat and failure
 * timeout, the maps the Vert.x cluster manager needs, and a bound on the shared ledger's maps. Nothing is read from
 * {@code hazelcast.xml} or system properties, so a stray file cannot change what the node joins.
 */
final class HazelcastSettings {
    /** Prefix of the Hazelcast maps that hold the shared ledger (each entry expires a window after its last change). */
    static final String LEDGER_MAPS = "hivemind.ledger.";
    /** Sources each member keeps at most per ledger map, the least recently used dropped first (as a hub alone). */
    static final int LEDGER_SOURCES_PER_MEMBER = 65_536;

    private HazelcastSettings() {
    }

    static Config of(ClusterSettings s) {
        Config c = new Config();
        c.setClusterName(clusterName(s.name(), s.password()));
        c.setClassLoader(HazelcastSettings.class.getClassLoader());
        c.setProperty("hazelcast.logging.type", "slf4j");
        c.setProperty("hazelcast.phone.home.enabled", "false");
        // the hub leaves the cluster itself, after its connections are closed
        c.setProperty("hazelcast.shutdownhook.enabled", "false");
        c.setProperty("hazelcast.heartbeat.interval.seconds", Long.toString(seconds(s.heartbeatInterval())));
        c.setProperty("hazelcast.max.no.heartbeat.seconds", Long.toString(seconds(s.failureTimeout())));
        // a member that does not answer a join request within this is skipped; a lone first node forms the cluster
        c.setProperty("hazelcast.wait.seconds.before.join", "0");
        c.setProperty("hazelcast.socket.bind.any", "false");

        NetworkConfig net = c.getNetworkConfig().setPort(s.port()).setPortAutoIncrement(false);
        net.getInterfaces().setEnabled(true).addInterface(s.host());
        JoinConfig join = net.getJoin();
        join.getAutoDetectionConfig().setEnabled(false);
        join.getMulticastConfig().setEnabled(s.multicast());
        join.getTcpIpConfig().setEnabled(!s.multicast()).setConnectionTimeoutSeconds(
                (int) Math.max(1, seconds(s.failureTimeout()) / 2));
        for (String member : s.members()) {
            join.getTcpIpConfig().addMember(member);
        }

        // what the Vert.x cluster manager keeps (as its default-cluster.xml does)
        c.addMultiMapConfig(new MultiMapConfig("__vertx.subs").setBackupCount(1)
                .setValueCollectionType(MultiMapConfig.ValueCollectionType.SET));
        c.addMapConfig(new MapConfig("__vertx.haInfo").setBackupCount(1));
        c.addMapConfig(new MapConfig("__vertx.nodeInfo").setBackupCount(1));
        // bounded, so that a flood of fresh addresses cannot grow it without end
        c.addMapConfig(new MapConfig(LEDGER_MAPS + "*").setBackupCount(1).setEvictionConfig(new EvictionConfig()
                .setEvictionPolicy(EvictionPolicy.LRU).setMaxSizePolicy(MaxSizePolicy.PER_NODE)
                .setSize(LEDGER_SOURCES_PER_MEMBER)));
        return c;
    }

    /**
     * The Hazelcast cluster name: the configured name, and with a password a keyed digest of both, so that only nodes
     * that know the password ask to join the same cluster (Hazelcast refuses members of another cluster name).
     */
    static String clusterName(String name, String password) {
        if (password == null) {
            return name;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(password.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] tag = mac.doFinal(("hivemind-cluster:" + name).getBytes(StandardCharsets.UTF_8));
            return name + "-" + HexFormat.of().formatHex(tag, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static long seconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }
}
