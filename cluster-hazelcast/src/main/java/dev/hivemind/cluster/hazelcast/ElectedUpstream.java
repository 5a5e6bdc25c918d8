package dev.hivemind.cluster.hazelcast;

import com.hazelcast.replicatedmap.ReplicatedMap;
import dev.hivemind.api.agent.PeerInfo;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.engine.hub.router.Router;
import dev.hivemind.engine.hub.router.Upstream;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster's one link to its upstream hub (a hive of hives): the oldest member runs it, every other node sends
 * through it ({@code hivemind.upstream} on the event bus). When the oldest member leaves, the next oldest starts a
 * link of its own, with a fresh handshake, as soon as the cluster has dropped the old one (its failure timeout).
 * The holder writes whether the link is up to a replicated map every {@value #STATE_INTERVAL_MS} ms, so that the
 * others can tell an ESCALATE that goes up from one that is dropped because the link is down.
 */
final class ElectedUpstream implements Upstream {
    private static final Logger LOG = LoggerFactory.getLogger(ElectedUpstream.class);
    static final String ADDRESS = "hivemind.upstream";
    static final String STATE_KEY = "upstream";
    static final long STATE_INTERVAL_MS = 500;

    private final Supplier<Upstream> links;
    private final Vertx vertx;
    private final ReplicatedMap<String, String> state;
    private final String memberId;
    private final NodeMessages messages;
    private final BooleanSupplier oldest;
    private final SharedWrites writes;
    private Router router;
    /** A link made (and so checked) at start-up, not started yet. */
    private Upstream prepared;
    private Upstream link;
    private MessageConsumer<JsonObject> consumer;
    private long timer = -1;
    private boolean closed;

    ElectedUpstream(Supplier<Upstream> links, Vertx vertx, ReplicatedMap<String, String> state, String memberId,
            NodeMessages messages, BooleanSupplier oldest, SharedWrites writes) {
        this.links = links;
        this.vertx = vertx;
        this.state = state;
        this.memberId = memberId;
        this.messages = messages;
        this.oldest = oldest;
        this.writes = writes;
        this.prepared = links.get();
    }

    @Override
    public synchronized void start(Router target) {
        this.router = target;
        elect();
    }

    /** The members changed: this node takes the link over if it is now the oldest (or gives it up if not). */
    synchronized void elect() {
        if (router == null || closed) {
            return;
        }
        boolean lead = oldest.getAsBoolean();
        if (lead && link == null) {
            LOG.info("this node is the oldest cluster member: it runs the link to the upstream hub");
            link = prepared != null ? prepared : links.get();
            prepared = null;
            consumer = vertx.eventBus().consumer(ADDRESS, m -> forward(m.body()));
            link.start(router);
            timer = vertx.setPeriodic(STATE_INTERVAL_MS, t -> publishState());
        } else if (!lead && link != null) {
            LOG.info("an older cluster member runs the link to the upstream hub now: closing this node's");
            stopLink();
        }
    }

    @Override
    public synchronized boolean send(HiveMessage message) {
        if (link != null) {
            return link.send(message);
        }
        if (holder().isEmpty()) {
            return false;
        }
        vertx.eventBus().send(ADDRESS, messages.message(message));
        return true;
    }

    @Override
    public synchronized Optional<PeerInfo> peer() {
        if (link != null) {
            return link.peer();
        }
        return holder().map(s -> new PeerInfo(s.getString("peer"), PeerInfo.Role.UPSTREAM, -1, "upstream", null,
                null, false, s.getString("member")));
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (link != null) {
            stopLink();
        }
        if (prepared != null) {
            prepared.close();
            prepared = null;
        }
    }

    private synchronized void forward(JsonObject body) {
        if (link == null || !link.send(messages.message(body))) {
            LOG.warn("a message another node sent up was dropped: the upstream hub is not connected");
        }
    }

    private synchronized void publishState() {
        if (link == null) {
            return;
        }
        Optional<PeerInfo> up = link.peer();
        if (up.isPresent()) {
            String value = new JsonObject().put("peer", up.get().peerId()).put("member", memberId).encode();
            if (!value.equals(state.get(STATE_KEY))) {
                writes.submit("say the upstream link is up", () -> state.put(STATE_KEY, value));
            }
        } else if (state.containsKey(STATE_KEY)) {
            writes.submit("say the upstream link is down", () -> state.remove(STATE_KEY));
        }
    }

    private Optional<JsonObject> holder() {
        String s = state.get(STATE_KEY);
        return s == null ? Optional.empty() : Optional.of(new JsonObject(s));
    }

    private void stopLink() {
        vertx.cancelTimer(timer);
        consumer.unregister();
        link.close();
        link = null;
        consumer = null;
        String s = state.get(STATE_KEY);
        if (s != null && memberId.equals(new JsonObject(s).getString("member"))) {
            writes.submit("say the upstream link is down", () -> state.remove(STATE_KEY, s));
        }
    }

    /** A member left: if it held the link, its word that the link is up no longer holds. */
    void memberLeft(String member) {
        String s = state.get(STATE_KEY);
        if (s != null && member.equals(new JsonObject(s).getString("member"))) {
            writes.submit("forget the upstream link of a member that left", () -> state.remove(STATE_KEY, s));
        }
        elect();
    }
}
