package dev.hivemind.engine.cluster;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import dev.hivemind.engine.inject.HubTopology;
import java.util.List;

/**
 * This process's membership in a cluster of hub nodes: the {@link HubTopology} a hub binds to run as one of its
 * nodes, and what the operator is told about it. Closed after the hub it served: the node leaves the cluster and the
 * others drop its peers.
 */
public interface HubCluster extends AutoCloseable {
    /** What the hub binds in place of {@link dev.hivemind.engine.inject.StandaloneTopology}. */
    HubTopology topology();

    /** This member's cluster address, {@code host:port}. */
    String memberAddress();

    /** The addresses of the members, this one included, oldest first. */
    List<String> members();

    /** The cluster's name as configured. */
    String name();

    /** The Guice module that makes a hub a node of this cluster (an override of {@link HubTopology}). */
    default Module module() {
        HubTopology topology = topology();
        return new AbstractModule() {
            @Override
            protected void configure() {
                bind(HubTopology.class).toInstance(topology);
            }
        };
    }

    /** Leaves the cluster. */
    @Override
    void close();
}
