package dev.hivemind.engine.hub.router;

import dev.hivemind.api.agent.PeerInfo;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.MessageType;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BROADCAST, PROPAGATE and ESCALATE once the policy let them through (H3–H5), in both directions:
 * <ul>
 *   <li>an inner BUS whose wrapper's {@code target_site_id} is this hub's site id is also handled here, as a BUS
 *       from the sender;</li>
 *   <li>BROADCAST goes down to every peer but the sender; PROPAGATE down and up (never back where it came from);
 *       ESCALATE up, and at the top of the hive (no upstream configured) its inner BUS goes to the agent;</li>
 *   <li>a PING inside PROPAGATE is answered once per flood id;</li>
 *   <li>a wrapper that already carries this hub's route hop, or too many hops, is dropped (loop).</li>
 * </ul>
 */
final class Relay {
    private static final Logger LOG = LoggerFactory.getLogger(Relay.class);

    private final HubIdentity identity;
    private final Delivery delivery;
    private final PingResponder ping;
    private final IntercomRouting intercom;
    private final AgentCalls agents;
    private final BiConsumer<LocalPeer, HiveMessage> injectBus;

    Relay(HubIdentity identity, Delivery delivery, PingResponder ping, IntercomRouting intercom, AgentCalls agents,
            BiConsumer<LocalPeer, HiveMessage> injectBus) {
        this.identity = identity;
        this.delivery = delivery;
        this.ping = ping;
        this.intercom = intercom;
        this.agents = agents;
        this.injectBus = injectBus;
    }

    /** A wrapper from a directly connected peer. */
    void fromPeer(LocalPeer sender, HiveMessage wrapper, HiveMessage inner) {
        if (looped(sender.info(), wrapper)) {
            return;
        }
        HiveMessage forwarded = delivery.forwarded(wrapper, inner);
        boolean injected = inner.type() == MessageType.BUS && forThisSite(wrapper);
        if (injected) {
            injectBus.accept(sender, forwarded);
        }
        MessageType type = wrapper.type();
        if (type == MessageType.BROADCAST || type == MessageType.PROPAGATE) {
            delivery.toPeers(type, forwarded, wrapper.route(), sender.peerId());
        }
        if (type == MessageType.PROPAGATE) {
            delivery.toUpstream(type, forwarded, wrapper.route());
            answerPing(inner);
            return;
        }
        if (type == MessageType.ESCALATE) {
            escalate(sender, wrapper, inner, forwarded, injected);
        }
    }

    /** A wrapper from the upstream hub: down to every peer, never back up. */
    void fromUpstream(PeerInfo upstream, HiveMessage wrapper, HiveMessage inner) {
        if (looped(upstream, wrapper)) {
            return;
        }
        HiveMessage forwarded = delivery.forwarded(wrapper, inner);
        if (inner.type() == MessageType.BUS && forThisSite(wrapper)) {
            agents.message(upstream, forwarded);
        }
        delivery.toPeers(wrapper.type(), forwarded, wrapper.route(), null);
        if (wrapper.type() == MessageType.PROPAGATE) {
            answerPing(inner);
        }
    }

    private void escalate(LocalPeer sender, HiveMessage wrapper, HiveMessage inner, HiveMessage forwarded,
            boolean injected) {
        if (delivery.hasUpstream()) {
            if (!delivery.toUpstream(MessageType.ESCALATE, forwarded, wrapper.route()) && sender.refusals.allow()) {
                long more = sender.refusals.suppressedSinceLast();
                LOG.warn("escalate from {} dropped: the upstream hub is not connected{}", sender.peerId(),
                        more == 0 ? "" : " (and " + more + " earlier messages not logged)");
            }
            return;
        }
        // the top of the hive: the escalated message is for this hub
        if (inner.type() == MessageType.BUS && !injected) {
            injectBus.accept(sender, forwarded);
        } else if (inner.type() == MessageType.INTERCOM) {
            intercom.route(sender.info(), forwarded);
        } else if (!injected && sender.refusals.allow()) {
            long more = sender.refusals.suppressedSinceLast();
            LOG.info("escalate of {} from {} reached the top of the hive: nothing handles it{}",
                    inner.type().wireName(), sender.peerId(), more == 0 ? "" : " (and " + more
                            + " earlier messages not logged)");
        }
    }

    private void answerPing(HiveMessage inner) {
        if (inner.type() == MessageType.PING) {
            ping.onPing(inner);
        }
    }

    private boolean forThisSite(HiveMessage wrapper) {
        return identity.siteId() != null && identity.siteId().equals(wrapper.targetSiteId());
    }

    private boolean looped(PeerInfo from, HiveMessage wrapper) {
        if (RouteHops.looped(wrapper.route(), identity.routeId())) {
            LOG.info("dropped {} from {}: it already passed this hub (route of {} hops)", wrapper.type().wireName(),
                    from.peerId(), wrapper.route().size());
            return true;
        }
        return false;
    }
}
