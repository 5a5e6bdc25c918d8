package dev.hivemind.cluster.hazelcast;

import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.engine.hub.router.FanOut;
import dev.hivemind.engine.hub.router.HubIdentity;
import dev.hivemind.engine.hub.router.OtherNodes;
import dev.hivemind.engine.hub.router.Router;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The other hub nodes over the clustered Vert.x event bus. A message for a connection another node holds is
 * <em>sent</em> to that node's own address ({@code hivemind.node.<member id>}); a fan-out is <em>published</em> once
 * on {@code hivemind.fanout}, which every node consumes and each but the sender delivers to its own peers. The event bus
 * delivers at most once: a node that is gone or going misses what was sent to it.
 */
final class EventBusNodes implements OtherNodes {
    private static final Logger LOG = LoggerFactory.getLogger(EventBusNodes.class);
    static final String NODE_PREFIX = "hivemind.node.";
    static final String FAN_OUT = "hivemind.fanout";

    private final EventBus bus;
    private final String memberId;
    private final NodeMessages messages;
    private final List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();

    EventBusNodes(EventBus bus, String memberId, NodeMessages messages) {
        this.bus = bus;
        this.memberId = memberId;
        this.messages = messages;
    }

    @Override
    public synchronized void start(Router router) {
        MessageConsumer<JsonObject> mail = bus.consumer(NODE_PREFIX + memberId, m -> {
            try {
                router.deliverHere(m.body().getString("address"), messages.message(m.body()));
            } catch (RuntimeException e) {
                LOG.warn("dropped a message another node posted here: {}", e.toString());
            }
        });
        MessageConsumer<JsonObject> fanOut = bus.consumer(FAN_OUT, m -> {
            if (memberId.equals(m.body().getString("from"))) {
                return;
            }
            try {
                router.onFanOut(messages.fanOut(m.body()));
            } catch (RuntimeException e) {
                LOG.warn("dropped a relayed message from another node: {}", e.toString());
            }
        });
        consumers.add(mail);
        consumers.add(fanOut);
        // registered across the cluster before the hub accepts its first connection
        await(Future.all(mail.completion(), fanOut.completion()));
    }

    @Override
    public void post(String address, HiveMessage message) {
        JsonObject body = messages.post(address, message);
        try {
            bus.send(NODE_PREFIX + HubIdentity.memberOf(address), body);
        } catch (RuntimeException e) { // the event bus is closing: at most once, as any delivery
            LOG.debug("not sent to another node: {}", e.toString());
        }
    }

    @Override
    public void fanOut(FanOut fanOut) {
        JsonObject body = messages.fanOut(fanOut, memberId);
        try {
            bus.publish(FAN_OUT, body);
        } catch (RuntimeException e) {
            LOG.debug("not handed to the other nodes: {}", e.toString());
        }
    }

    @Override
    public synchronized void close() {
        List<Future<Void>> done = new ArrayList<>();
        consumers.forEach(c -> done.add(c.unregister()));
        consumers.clear();
        await(Future.all(done));
    }

    private static void await(Future<?> f) {
        try {
            f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.warn("the cluster's event bus did not confirm in time: {}", e.toString());
        }
    }
}
