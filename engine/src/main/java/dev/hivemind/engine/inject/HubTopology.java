package dev.hivemind.engine.inject;

import dev.hivemind.engine.config.LimitSettings;
import dev.hivemind.engine.hub.SourceLedger;
import dev.hivemind.engine.hub.router.HubIdentity;
import dev.hivemind.engine.hub.router.OtherNodes;
import dev.hivemind.engine.hub.router.RouterDirectory;
import dev.hivemind.engine.hub.router.Upstream;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where a hub runs: alone ({@link StandaloneTopology}, what {@link HubModule} binds) or as one node of a cluster of hub
 * nodes (a cluster binds its own in its place). It supplies what the nodes of a cluster share: the route id, the peer
 * directory, the way to the other nodes, the failure and key-derivation ledger and the one upstream link.
 */
public interface HubTopology {
    /** Who this hub is; in a cluster, the route id is the cluster's and the member id this node's. */
    HubIdentity identity(String nodeId, String siteId, String publicKey);

    /** The directory of the peers the hub can deliver to. */
    RouterDirectory directory();

    /** The other nodes ({@link OtherNodes#NONE} when alone). */
    OtherNodes otherNodes();

    /** Failed authentications and key derivations per source. */
    SourceLedger ledger(LimitSettings limits, Clock clock);

    /**
     * The upstream link (the {@code upstream:} section) as this node uses it: alone, the link itself; in a cluster,
     * exactly one node at a time runs a link made with {@code link} and the others send through it.
     */
    Upstream upstream(Supplier<Upstream> link);

    /** What the hub shares with its plugins ({@link dev.hivemind.api.plugin.PluginContext#service}). */
    List<Object> services();
}
