package dev.hivemind.engine.hub.router;

import dev.hivemind.api.agent.PeerInfo;
import dev.hivemind.api.log.LogSafe;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.MessageType;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * INTERCOM delivery, which hivemind-core never does (H6): to the peers whose HELLO announced the {@code target_pubkey}
 * (else the {@code target_site_id}); when no peer here holds the target, on to the hubs below and up to the upstream
 * hub, each with this hub's route hop. An INTERCOM for the hub's own key, or with no target, is for the hub: it goes to
 * the agent, still encrypted.
 */
final class IntercomRouting {
    private static final Logger LOG = LoggerFactory.getLogger(IntercomRouting.class);

    private final HubIdentity identity;
    private final RouterDirectory directory;
    private final Delivery delivery;
    private final AgentCalls agents;

    IntercomRouting(HubIdentity identity, RouterDirectory directory, Delivery delivery, AgentCalls agents) {
        this.identity = identity;
        this.directory = directory;
        this.delivery = delivery;
        this.agents = agents;
    }

    /**
     * Routes an INTERCOM whose sender was already checked.
     *
     * @param from the peer it came from (a satellite, a hub below, or the upstream hub)
     */
    void route(PeerInfo from, HiveMessage m) {
        String key = m.targetPubkey();
        String site = m.targetSiteId();
        boolean forHub = (key == null || key.isEmpty()) && (site == null || site.isEmpty())
                || key != null && identity.publicKey() != null
                && PublicKeys.normalize(key).equals(PublicKeys.normalize(identity.publicKey()));
        if (forHub) {
            agents.message(from, m);
            return;
        }
        List<PeerInfo> targets = key != null && !key.isEmpty() ? directory.byPublicKey(key) : directory.bySiteId(site);
        int sent = 0;
        for (PeerInfo t : targets) {
            if (!t.peerId().equals(from.peerId())) {
                directory.entry(t.peerId()).ifPresent(e -> delivery.toPeer(e, m));
                sent++;
            }
        }
        if (sent > 0) {
            return;
        }
        if (RouteHops.looped(m.route(), identity.routeId())) {
            LOG.debug("intercom from {} came back: not relayed again", from.peerId());
            return;
        }
        sent = delivery.toHubs(m, from.peerId());
        if (from.role() != PeerInfo.Role.UPSTREAM && delivery.toUpstream(MessageType.INTERCOM, m, m.route())) {
            sent++;
        }
        if (sent == 0) {
            LOG.debug("intercom from {}: no peer holds its target {}", from.peerId(),
                    key != null && !key.isEmpty() ? "public key" : "site '" + LogSafe.text(site) + "'");
        }
    }
}
