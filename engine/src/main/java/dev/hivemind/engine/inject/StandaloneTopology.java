package dev.hivemind.engine.inject;

import dev.hivemind.engine.config.LimitSettings;
import dev.hivemind.engine.hub.LocalSourceLedger;
import dev.hivemind.engine.hub.SourceLedger;
import dev.hivemind.engine.hub.router.HubIdentity;
import dev.hivemind.engine.hub.router.LocalPeerDirectory;
import dev.hivemind.engine.hub.router.OtherNodes;
import dev.hivemind.engine.hub.router.RouterDirectory;
import dev.hivemind.engine.hub.router.Upstream;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/** A hub alone: a random route id, an in-process directory and ledger, its own upstream link. */
public final class StandaloneTopology implements HubTopology {
    @Override
    public HubIdentity identity(String nodeId, String siteId, String publicKey) {
        return HubIdentity.create(nodeId, siteId, publicKey);
    }

    @Override
    public RouterDirectory directory() {
        return new LocalPeerDirectory();
    }

    @Override
    public OtherNodes otherNodes() {
        return OtherNodes.NONE;
    }

    @Override
    public SourceLedger ledger(LimitSettings limits, Clock clock) {
        return new LocalSourceLedger(limits, clock);
    }

    @Override
    public Upstream upstream(Supplier<Upstream> link) {
        return link.get();
    }

    @Override
    public List<Object> services() {
        return List.of();
    }
}
