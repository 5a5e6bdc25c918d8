package dev.hivemind.engine.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code cluster:} section: this hub as one node of a cluster of hub nodes (a Vert.x event bus over Hazelcast,
 * docs/cluster.md). Nothing of it starts unless {@code enabled} (or {@code listen --cluster}).
 *
 * @param enabled           run as a cluster node
 * @param name              the cluster's name: nodes join only a cluster of the same name (and password)
 * @param password          a shared secret that nodes must also agree on, or {@code null}; it keeps two clusters on one
 *                          network apart and stops a node that lacks it from joining, but it is not encryption: cluster
 *                          traffic belongs on a private network
 * @param host              the interface the cluster's member and event-bus ports bind to, and advertise
 * @param port              the member port (0: any free port)
 * @param eventBusPort      the event-bus port (0: any free port; nodes learn it from the cluster)
 * @param members           where to find the other nodes, {@code host[:port]} each (TCP/IP discovery)
 * @param multicast         find members by multicast as well (off by default)
 * @param heartbeatInterval how often members signal that they are alive
 * @param failureTimeout    a member silent for this long is dropped (its satellites leave the directory)
 */
public record ClusterSettings(boolean enabled, String name, String password, String host, int port, int eventBusPort,
        List<String> members, boolean multicast, Duration heartbeatInterval, Duration failureTimeout) {

    /** The default member port (Hazelcast's). */
    public static final int DEFAULT_PORT = 5701;

    public ClusterSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        members = List.copyOf(members);
        if (failureTimeout.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
            throw new ConfigException("cluster.failure_timeout (" + failureTimeout.toMillis() + " ms) must be at least "
                    + "twice cluster.heartbeat_interval (" + heartbeatInterval.toMillis() + " ms)");
        }
    }

    /** Not clustered. */
    public static ClusterSettings defaults() {
        return new ClusterSettings(false, "hivemind", null, "127.0.0.1", DEFAULT_PORT, 0, List.of(), false,
                Duration.ofSeconds(1), Duration.ofSeconds(10));
    }

    /** The same settings, switched on ({@code listen --cluster}). */
    public ClusterSettings enable() {
        return new ClusterSettings(true, name, password, host, port, eventBusPort, members, multicast,
                heartbeatInterval, failureTimeout);
    }

    static ClusterSettings read(ConfigSection s) {
        ClusterSettings d = defaults();
        String name = s.string("name", d.name());
        if (name.isBlank()) {
            throw new ConfigException("cluster.name must not be empty");
        }
        String password = s.string("password", null);
        ClusterSettings out = new ClusterSettings(s.bool("enabled", d.enabled()), name.strip(),
                password == null || password.isEmpty() ? null : password, s.string("host", d.host()).strip(),
                s.integer("port", d.port(), 0, 65535), s.integer("event_bus_port", d.eventBusPort(), 0, 65535),
                s.stringList("members", d.members()).stream().map(String::strip).toList(),
                s.bool("multicast", d.multicast()), s.duration("heartbeat_interval", d.heartbeatInterval()),
                s.duration("failure_timeout", d.failureTimeout()));
        s.finish();
        return out;
    }

    Map<String, Object> toTree() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enabled", enabled);
        m.put("name", name);
        if (password != null) {
            m.put("password", UpstreamSettings.HIDDEN);
        }
        m.put("host", host);
        m.put("port", port);
        m.put("event_bus_port", eventBusPort);
        m.put("members", members);
        m.put("multicast", multicast);
        m.put("heartbeat_interval", ConfigWriter.duration(heartbeatInterval));
        m.put("failure_timeout", ConfigWriter.duration(failureTimeout));
        return m;
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "ClusterSettings[enabled=" + enabled + ", name=" + name + ", host=" + host + ", port=" + port
                + ", members=" + members + "]";
    }
}
