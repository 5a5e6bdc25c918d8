package dev.hivemind.agent.eventbus;

import dev.hivemind.api.agent.HiveAgent;
import dev.hivemind.api.agent.HubBus;
import dev.hivemind.api.agent.PeerInfo;
import dev.hivemind.api.plugin.PluginContext;
import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.MessageType;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.TimeUnit;

/**
 * The {@code vertx-eventbus} agent: how a Vert.x application plugs its own logic into the hub. Every satellite's BUS
 * message (its OVOS message, context rewritten by the hub) is <em>published</em> on {@code <prefix>.bus} as a
 * {@link JsonObject}, with the headers {@code peer} and {@code site_id}; SHARED_BUS messages on
 * {@code <prefix>.shared}; session events on {@code <prefix>.session}. An OVOS message sent or published to
 * {@code <prefix>.reply} goes to the peers its {@code context.destination} names (a reply swaps source and
 * destination); a request there is answered with {@code {"delivered": N}}. Only JSON travels, so it works on a
 * clustered event bus too. The prefix is {@code agent_settings.address} ({@code hivemind}).
 *
 * <p>Its Vert.x: the one given to the constructor (an embedding application's, clustered or not; left open), else the
 * hub's own when the hub runs as a node of a cluster ({@link PluginContext#service}; every node's agent is then on the
 * one clustered bus), else its own, clustered when {@code agent_settings.clustered} is true (a cluster manager such as
 * vertx-hazelcast must be on the class path, e.g. in {@code plugins/}).
 *
 * <p>On a clustered bus with several hub nodes, each running this agent: a reply <em>sent</em> to
 * {@code <prefix>.reply} reaches one node's agent, which routes it to the named peers wherever they are connected; a
 * reply <em>published</em> there reaches every node's agent, and each routes it to the named peers connected to its own
 * node ({@link HubBus#emitLocal}), so that each peer receives it once either way.
 */
public final class VertxEventBusAgent implements HiveAgent {
    private static final Logger LOG = System.getLogger(VertxEventBusAgent.class.getName());

    private final Vertx given;
    private PluginSettings settings = PluginSettings.empty();
    private Vertx hosts;
    private Vertx vertx;
    private String prefix = "hivemind";
    private MessageConsumer<Object> replies;
    private HubBus bus;

    /** For {@link java.util.ServiceLoader}: the agent makes its own Vert.x. */
    public VertxEventBusAgent() {
        this(null);
    }

    /** An agent on an application's Vert.x (which it does not close). */
    public VertxEventBusAgent(Vertx vertx) {
        this.given = vertx;
    }

    @Override
    public String name() {
        return "vertx-eventbus";
    }

    @Override
    public String description() {
        return "publishes BUS messages on a Vert.x event bus (agent_settings.address, default 'hivemind'; "
                + "clustered: true for a clustered bus) and routes the replies back";
    }

    @Override
    public void initialize(PluginContext context) {
        this.settings = context.settings();
        this.prefix = settings.string("address", "hivemind");
        this.hosts = context.service(Vertx.class).orElse(null);
    }

    @Override
    public synchronized void start(HubBus hubBus) {
        this.bus = hubBus;
        this.vertx = given != null ? given : hosts != null ? hosts : ownVertx();
        replies = vertx.eventBus().consumer(prefix + ".reply", message -> {
            if (!(message.body() instanceof JsonObject body)) {
                message.fail(400, "expected an OVOS message as a JSON object");
                return;
            }
            // a published reply reaches every hub node's agent: each serves the peers of its own node
            int delivered = message.isSend() ? bus.emit(EventBusJson.toPlain(body))
                    : bus.emitLocal(EventBusJson.toPlain(body));
            message.reply(new JsonObject().put("delivered", delivered));
        });
        await(replies.completion(), "register the consumer of " + prefix + ".reply");
        LOG.log(Level.INFO, "publishing BUS messages on " + prefix + ".bus, routing replies from " + prefix
                + ".reply" + (vertx.isClustered() ? " (clustered event bus)" : ""));
    }

    @Override
    public void onSessionEstablished(PeerInfo peer) {
        publish(".session", new JsonObject().put("event", "established").put("peer", peer.peerId())
                .put("site_id", peer.siteId()), peer);
    }

    @Override
    public void onMessage(PeerInfo from, HiveMessage message) {
        if (message.type() == MessageType.BUS) {
            publish(".bus", EventBusJson.toJson(message.payload()), from);
        } else {
            LOG.log(Level.DEBUG, "not publishing " + message + " from " + from.peerId());
        }
    }

    @Override
    public void onSharedBus(PeerInfo from, HiveMessage message) {
        publish(".shared", EventBusJson.toJson(message.payload()), from);
    }

    @Override
    public void onSessionClosed(PeerInfo peer) {
        publish(".session", new JsonObject().put("event", "closed").put("peer", peer.peerId())
                .put("site_id", peer.siteId()), peer);
    }

    @Override
    public synchronized void stop() {
        if (replies != null) {
            replies.unregister();
            replies = null;
        }
        if (vertx != null && vertx != given && vertx != hosts) {
            vertx.close();
        }
        vertx = null;
    }

    private void publish(String suffix, JsonObject body, PeerInfo peer) {
        Vertx v = vertx;
        if (v == null) {
            return;
        }
        DeliveryOptions options = new DeliveryOptions().addHeader("peer", peer.peerId());
        if (peer.siteId() != null) {
            options.addHeader("site_id", peer.siteId());
        }
        v.eventBus().publish(prefix + suffix, body, options);
    }

    private Vertx ownVertx() {
        VertxOptions options = new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(2);
        if (!settings.bool("clustered", false)) {
            return Vertx.vertx(options);
        }
        try {
            return await(Vertx.builder().with(options).buildClustered(), "join the Vert.x cluster");
        } catch (IllegalStateException e) {
            throw new IllegalStateException("agent_settings.clustered needs a Vert.x cluster manager on the class path "
                    + "(e.g. vertx-hazelcast and its dependencies in plugins/): " + e.getMessage(), e);
        }
    }

    private static <T> T await(io.vertx.core.Future<T> future, String what) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while trying to " + what, e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("cannot " + what + ": " + cause.getMessage(), cause);
        }
    }
}
