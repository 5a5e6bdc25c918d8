package dev.hivemind.engine.hub.router;

import dev.hivemind.api.agent.PeerInfo;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.MessageType;
import dev.hivemind.engine.codec.json.HiveMessageCodec;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Fan-out: how a relayed message reaches each kind of recipient. Satellites receive the unwrapped inner message (what
 * hivemind-core sends, H3); hubs below and the upstream hub receive it wrapped again, with this hub's route hop, so
 * that they can relay it further and recognise it if it ever comes back. In a cluster, a message for every peer goes
 * to this node's peers and once to each other node ({@link OtherNodes#fanOut}), which delivers it to its own.
 */
final class Delivery {
    private final HubIdentity identity;
    private final RouterDirectory directory;
    private final PeerMailer mailer;
    private final OtherNodes nodes;
    private final HiveMessageCodec codec;
    private final Supplier<Optional<Upstream>> upstream;

    Delivery(HubIdentity identity, RouterDirectory directory, PeerMailer mailer, OtherNodes nodes,
            HiveMessageCodec codec, Supplier<Optional<Upstream>> upstream) {
        this.identity = identity;
        this.directory = directory;
        this.mailer = mailer;
        this.nodes = nodes;
        this.codec = codec;
        this.upstream = upstream;
    }

    /** To one peer as it is. */
    void toPeer(PeerEntry entry, HiveMessage message) {
        mailer.post(entry.address(), message);
    }

    /**
     * To every peer but {@code exceptPeerId}: {@code inner} to satellites, {@code wrapperType} around it to hubs.
     *
     * @param route the route the wrapper arrived with (hubs receive it with this hub's hop added)
     * @return how many peers it went to
     */
    int toPeers(MessageType wrapperType, HiveMessage inner, List<Object> route, String exceptPeerId) {
        nodes.fanOut(new FanOut(FanOut.Kind.PEERS, wrapperType, inner, route, exceptPeerId));
        return toPeersHere(wrapperType, inner, route, exceptPeerId);
    }

    /** What another node of the cluster handed over: to this node's peers. */
    void fanOutHere(FanOut f) {
        if (f.kind() == FanOut.Kind.PEERS) {
            toPeersHere(f.wrapperType(), f.message(), f.route(), f.exceptPeerId());
        } else {
            toHubsHere(f.message(), f.exceptPeerId());
        }
    }

    private int toPeersHere(MessageType wrapperType, HiveMessage inner, List<Object> route, String exceptPeerId) {
        int n = 0;
        for (PeerEntry e : directory.entriesAt(identity.memberId())) {
            if (e.peerId().equals(exceptPeerId) || e.info().role() == PeerInfo.Role.UPSTREAM) {
                continue;
            }
            mailer.post(e.address(), e.info().role() == PeerInfo.Role.HUB
                    ? wrapped(wrapperType, inner, route, e.peerId()) : inner);
            n++;
        }
        return n;
    }

    /**
     * An INTERCOM nobody here holds: to every hub below but the sender, with this hub's hop.
     *
     * @return how many hubs below this node holds it went to (other nodes count their own)
     */
    int toHubs(HiveMessage message, String exceptPeerId) {
        nodes.fanOut(new FanOut(FanOut.Kind.HUBS, MessageType.INTERCOM, message, message.route(), exceptPeerId));
        return toHubsHere(message, exceptPeerId);
    }

    private int toHubsHere(HiveMessage message, String exceptPeerId) {
        int n = 0;
        for (PeerEntry e : directory.entriesAt(identity.memberId())) {
            if (e.info().role() == PeerInfo.Role.HUB && !e.peerId().equals(exceptPeerId)) {
                mailer.post(e.address(), withOwnHop(message, e.peerId()));
                n++;
            }
        }
        return n;
    }

    /** {@code wrapperType} around {@code inner} to the upstream hub; {@code false} without a connected upstream. */
    boolean toUpstream(MessageType wrapperType, HiveMessage inner, List<Object> route) {
        Optional<Upstream> up = upstream.get();
        if (up.isEmpty() || up.get().peer().isEmpty()) {
            return false;
        }
        String target = up.get().peer().get().peerId();
        return up.get().send(wrapperType == MessageType.INTERCOM ? withOwnHop(inner, target)
                : wrapped(wrapperType, inner, route, target));
    }

    /** Whether this hub has an upstream link configured (connected or not). */
    boolean hasUpstream() {
        return upstream.get().isPresent();
    }

    /** The inner message as relayed (H2): the wrapper's route, this hub as {@code source_peer}. */
    HiveMessage forwarded(HiveMessage wrapper, HiveMessage inner) {
        return inner.toBuilder().route(wrapper.route()).sourcePeer(identity.nodeId()).build();
    }

    private HiveMessage wrapped(MessageType type, HiveMessage inner, List<Object> route, String target) {
        return codec.wrap(type, inner).toBuilder().route(RouteHops.withHop(route, identity.routeId(),
                List.of(target))).sourcePeer(identity.nodeId()).build();
    }

    private HiveMessage withOwnHop(HiveMessage m, String target) {
        return m.toBuilder().route(RouteHops.withHop(m.route(), identity.routeId(), List.of(target))).build();
    }
}
