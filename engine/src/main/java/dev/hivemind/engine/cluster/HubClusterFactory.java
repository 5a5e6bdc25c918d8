package dev.hivemind.engine.cluster;

import dev.hivemind.engine.config.ClusterSettings;

/**
 * Makes this hub a node of a cluster of hub nodes; found with {@link java.util.ServiceLoader} only when the hub runs
 * clustered ({@code cluster.enabled}, {@code listen --cluster}), so that no cluster library is loaded otherwise. The
 * distribution's implementation is {@code hivemind-cluster-hazelcast} (a Vert.x event bus on Hazelcast).
 */
public interface HubClusterFactory {
    /**
     * Joins the cluster the settings describe (or forms it, when no member answers); blocks until this node is a
     * member.
     *
     * @throws IllegalStateException when the node cannot join (a port taken, a wrong interface)
     */
    HubCluster join(ClusterSettings settings);
}
