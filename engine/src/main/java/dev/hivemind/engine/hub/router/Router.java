package dev.hivemind.engine.hub.router;

import dev.hivemind.api.agent.BinaryInput;
import dev.hivemind.api.agent.HubBus;
import dev.hivemind.api.agent.PeerInfo;
import dev.hivemind.api.error.PolicyViolationException;
import dev.hivemind.api.error.ProtocolViolationException;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.MessageType;
import dev.hivemind.engine.codec.json.HiveMessageCodec;
import dev.hivemind.engine.session.ServerSession;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes every message of established sessions: the policy decides, then BUS goes (rewritten) to the agent, SHARED_BUS
 * to its monitor hook, BROADCAST/PROPAGATE/ESCALATE to {@link Relay}, INTERCOM to {@link IntercomRouting}, BINARY to
 * the binary handler. Keeps the directory of connected peers and, in a hive of hives, talks to the upstream hub. Agents
 * see only the {@link HubBus}. Inbound calls run on the sender's connection thread.
 */
public final class Router implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);
    /** The HELLO field and value by which a hub below announces itself. */
    public static final String NODE_TYPE = "node_type";
    public static final String HUB_NODE_TYPE = "hub";
    /** The context key naming the satellite below a hub that sent a relayed BUS (see {@link #injectBus}). */
    public static final String HIVE_ORIGIN = "hive_origin";

    private final HubIdentity identity;
    private final RouterDirectory directory;
    private final LocalPeerMailer mailer;
    private final OtherNodes nodes;
    private final MessagePolicy policy;
    private final BusContextRewrite rewrite = new BusContextRewrite("en-us");
    private volatile RoutingEvents events = RoutingEvents.NONE;
    private final AgentCalls agents;
    private final Delivery delivery;
    private final IntercomRouting intercom;
    private final Relay relay;
    private final AgentBus bus;
    private final ConcurrentMap<ServerSession, LocalPeer> peers = new ConcurrentHashMap<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile Optional<Upstream> upstream = Optional.empty();

    /** A router for a hub alone (no other nodes; the parameters as below). */
    public Router(HubIdentity identity, RouterDirectory directory, LocalPeerMailer mailer, HiveMessageCodec codec,
            Plugins agents, Clock clock) {
        this(identity, directory, mailer, OtherNodes.NONE, codec, agents, clock);
    }

    /**
     * A router for one node of a cluster of hub nodes ({@link OtherNodes#NONE}: a hub alone).
     *
     * @param identity  who this hub is (its route id shared by the cluster, its member id its own)
     * @param directory the peer directory shared by the cluster
     * @param mailer    delivery to this process's connections
     * @param nodes     the other nodes: messages for the connections they hold, and fan-outs
     * @param codec     reads and writes wrapped messages
     * @param agents    the agent and the optional binary handler
     * @param clock     timestamps of PING answers
     */
    public Router(HubIdentity identity, RouterDirectory directory, LocalPeerMailer mailer, OtherNodes nodes,
            HiveMessageCodec codec, Plugins agents, Clock clock) {
        this.identity = identity;
        this.directory = directory;
        this.mailer = mailer;
        this.nodes = nodes;
        this.policy = new MessagePolicy(codec);
        this.agents = new AgentCalls(agents.agent(), agents.binaryHandler());
        PeerMailer anywhere = (address, message) -> {
            if (identity.holds(address)) {
                mailer.post(address, message);
            } else {
                nodes.post(address, message);
            }
        };
        this.delivery = new Delivery(identity, directory, anywhere, nodes, codec, () -> upstream);
        this.intercom = new IntercomRouting(identity, directory, delivery, this.agents);
        this.relay = new Relay(identity, delivery, new PingResponder(identity, delivery, clock), intercom, this.agents,
                this::injectRelayedBus);
        this.bus = new AgentBus(identity, directory, delivery);
    }

    /** The agent and the binary handler the router calls. */
    public record Plugins(dev.hivemind.api.agent.HiveAgent agent,
            Optional<dev.hivemind.api.agent.BinaryHandler> binaryHandler) {
    }

    /** Where the router reports accepted, refused and delivered messages (the hub's metrics). */
    public void reportTo(RoutingEvents target) {
        this.events = target;
    }

    public HubIdentity identity() {
        return identity;
    }

    /** What agents see. */
    public HubBus bus() {
        return bus;
    }

    public RouterDirectory directory() {
        return directory;
    }

    /**
     * Starts receiving from the other nodes of a cluster, the agent and the binary handler, then the upstream link
     * (once; later calls do nothing).
     */
    public void start() {
        if (started.compareAndSet(false, true)) {
            nodes.start(this);
            agents.start(bus);
            upstream.ifPresent(u -> u.start(this));
        }
    }

    /** The upstream hub (before {@link #start}): ESCALATE and PROPAGATE go there, it starts with the router. */
    public void attachUpstream(Upstream link) {
        this.upstream = Optional.of(link);
    }

    /** Stops the upstream link, the agent and the binary handler, and receiving from the other nodes. */
    @Override
    public void close() {
        if (started.compareAndSet(true, false)) {
            upstream.ifPresent(Upstream::close);
            agents.stop();
            nodes.close();
        }
    }

    // ---------------------------------------------------------------- other nodes of a cluster

    /** A message another node posted to one of this node's connections (dropped if the connection is gone). */
    public void deliverHere(String address, HiveMessage message) {
        mailer.post(address, message);
    }

    /** A relayed message another node handed over: to this node's peers ({@link FanOut}). */
    public void onFanOut(FanOut fanOut) {
        delivery.fanOutHere(fanOut);
    }

    // ---------------------------------------------------------------- local sessions

    /** A session completed its HELLO: it joins the directory. */
    public void onEstablished(ServerSession session) {
        ClientRecord client = session.client();
        Object pem = session.helloPayload().get("pubkey");
        String publicKey = pem instanceof String s && !s.isBlank() ? s : null;
        PeerInfo.Role role = PeerInfo.Role.SATELLITE;
        if (HUB_NODE_TYPE.equals(session.helloPayload().get(NODE_TYPE))) {
            if (client.admin()) {
                role = PeerInfo.Role.HUB;
            } else {
                LOG.warn("{} announced itself as a hub, but client {} is not an admin: treated as a satellite "
                        + "(make-admin {} to let it relay)", session.peerId(), client.clientId(), client.clientId());
            }
        }
        PeerInfo info = new PeerInfo(session.peerId(), role, client.clientId(), client.name(), session.siteId(),
                publicKey, client.admin(), identity.memberId());
        PeerEntry entry = new PeerEntry(info, identity.address(session.connection().id()));
        RSAPublicKey key = publicKey == null ? null : PublicKeys.parse(publicKey).orElse(null);
        LocalPeer peer = new LocalPeer(session, entry, key,
                BusContextRewrite.initialSession(session.helloPayload(), session.sessionId(), session.siteId()));
        peers.put(session, peer);
        mailer.open(entry.address(), m -> deliverLocal(peer, m));
        directory.register(entry).ifPresent(old -> LOG.warn("peer id {} is now held by connection {}; the earlier "
                + "connection no longer receives routed messages", info.peerId(), session.connection().id()));
        agents.established(info);
    }

    /** A message from an established session. */
    public void onMessage(ServerSession session, HiveMessage message) {
        LocalPeer p = peers.get(session);
        if (p == null) {
            return;
        }
        // a satellite relays nothing: its route starts with the hop of this hub, whatever it sent (a forged first hop
        // would name another satellite as the origin of what it escalates); a hub below keeps the route it relays
        List<Object> route = p.info().role() == PeerInfo.Role.HUB ? message.route() : List.of();
        HiveMessage m = message.toBuilder().route(RouteHops.withSender(route, p.peerId())).build();
        Verdict v = policy.fromPeer(p.info(), session.client(), p.publicKey, m);
        if (!act(p, m, v)) {
            return;
        }
        switch (m.type()) {
            case BUS -> injectBus(p, m);
            case SHARED_BUS -> agents.sharedBus(p.info(), m);
            case BROADCAST, PROPAGATE, ESCALATE -> relay.fromPeer(p, m, v.inner());
            case INTERCOM -> intercom.route(p.info(), m);
            case BINARY -> agents.binary(p.info(), new BinaryInput(m.binaryType(), m.binaryPayload(), m.metadata()));
            default -> LOG.debug("no route for {} from {}", m.type().wireName(), p.peerId());
        }
    }

    /** A session ended: it leaves the directory. */
    public void onClosed(ServerSession session) {
        LocalPeer p = peers.remove(session);
        if (p != null) {
            mailer.close(p.entry.address());
            directory.unregister(p.entry);
            agents.closed(p.info());
        }
    }

    // ---------------------------------------------------------------- upstream

    /** A message from the upstream hub (on the upstream connection's thread). */
    public void onUpstream(PeerInfo from, HiveMessage message) {
        HiveMessage m = message.toBuilder().route(RouteHops.withSender(message.route(), from.peerId())).build();
        Verdict v = policy.fromUpstream(m);
        if (!v.passes()) {
            LOG.info("dropped {} from the upstream hub: {}", m.type().wireName(), v.reason());
            return;
        }
        switch (m.type()) {
            case BUS -> {
                if (bus.emit(m.payload()) == 0 && !backToOrigin(m)) {
                    agents.message(from, m);
                }
            }
            case BROADCAST, PROPAGATE -> relay.fromUpstream(from, m, v.inner());
            case INTERCOM -> intercom.route(from, m);
            default -> LOG.debug("no route for {} from the upstream hub", m.type().wireName());
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Applies a verdict: {@code true} if the message passes. */
    private boolean act(LocalPeer p, HiveMessage m, Verdict v) {
        switch (v.kind()) {
            case PASS -> {
                events.accepted(m.type().wireName());
                return true;
            }
            case DROP -> {
                if (p.refusals.allow()) {
                    long more = p.refusals.suppressedSinceLast();
                    LOG.info("dropped {} from {}: {}{}", m.type().wireName(), p.peerId(), v.reason(),
                            more == 0 ? "" : " (and " + more + " earlier refusals not logged)");
                }
            }
            case DISCONNECT -> {
                LOG.warn("disconnecting {}: {}", p.peerId(), v.reason());
                p.session.disconnect(new PolicyViolationException(v.reason(), v.reason()));
            }
            case MALFORMED -> {
                LOG.info("disconnecting {}: {}", p.peerId(), v.reason());
                p.session.disconnect(new ProtocolViolationException(v.reason(), v.reason()));
            }
        }
        events.refused(m.type().wireName());
        return false;
    }

    /**
     * B2, B4, B5: the stored session follows, the context is rewritten, the agent gets it. A BUS relayed by a hub below
     * also gets {@code context.hive_origin}: the peer id of the satellite that sent it there (the route's first hop),
     * so that an answer sent back down to that hub can reach it ({@link #backToOrigin}).
     */
    private void injectBus(LocalPeer p, HiveMessage bus) {
        p.storedSession(rewrite.updatedSession(p.storedSession(), bus.payload()));
        HiveMessage rewritten = rewrite.rewrite(bus, p.peerId(), p.storedSession(), p.session.client(),
                id -> directory.entry(id).isPresent());
        if (p.info().role() == PeerInfo.Role.HUB && !bus.route().isEmpty()
                && bus.route().get(0) instanceof Map<?, ?> hop && hop.get("source") instanceof String origin
                && !origin.equals(p.peerId())) {
            rewritten = BusContextRewrite.withContext(rewritten, HIVE_ORIGIN, origin);
        } else if (rewritten.payload().get("context") instanceof Map<?, ?> c && c.containsKey(HIVE_ORIGIN)) {
            rewritten = BusContextRewrite.withoutContext(rewritten, HIVE_ORIGIN); // only a hub below may name it
        }
        agents.message(p.info(), rewritten);
    }

    /** A BUS from the upstream hub that answers a message this hub relayed up: to the satellite it came from. */
    private boolean backToOrigin(HiveMessage m) {
        if (!(m.payload().get("context") instanceof Map<?, ?> ctx) || !(ctx.get(HIVE_ORIGIN) instanceof String origin)
                || directory.entry(origin).isEmpty()) {
            return false;
        }
        return bus.emit(BusContextRewrite.withContext(m, "destination", origin).payload()) > 0;
    }

    /** A BUS a BROADCAST/PROPAGATE/ESCALATE brings here: the BUS rules apply (a non-admin's default session closes). */
    private void injectRelayedBus(LocalPeer p, HiveMessage bus) {
        Verdict v = policy.bus(p.session.client(), bus);
        if (v.passes()) {
            injectBus(p, bus);
        } else {
            act(p, bus, v);
        }
    }

    private void deliverLocal(LocalPeer p, HiveMessage m) {
        if (!policy.mayDeliver(p.session.client(), m)) {
            LOG.debug("not sending {} to {}: blacklisted by its message_blacklist", m, p.peerId());
            return;
        }
        events.delivered(m.type().wireName());
        p.session.send(m);
    }
}
