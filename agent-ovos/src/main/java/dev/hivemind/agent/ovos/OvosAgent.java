package dev.hivemind.agent.ovos;

import dev.hivemind.api.agent.HiveAgent;
import dev.hivemind.api.agent.HubBus;
import dev.hivemind.api.agent.PeerInfo;
import dev.hivemind.api.plugin.PluginContext;
import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.JsonValues;
import dev.hivemind.api.wire.MessageType;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code ovos} agent: the hub in front of an OVOS messagebus, as hivemind-core's default agent. Satellites' BUS
 * messages go onto the bus with the context the hub gave them (their session, {@code source} and {@code peer} = their
 * peer id); every message on the bus whose {@code context.destination} names a peer goes back to that satellite (an
 * OVOS {@code reply()} does). {@code hive.send.downstream} lets OVOS code push a BROADCAST, PROPAGATE, ESCALATE or a
 * message to one peer, {@code hive.send.upstream} an ESCALATE or PROPAGATE up the hive; {@code hive.client.connect} / {@code hive.client.disconnect} report sessions (without the access
 * key hivemind-core puts there). Reconnects when the bus restarts, and says so in the log.
 */
public final class OvosAgent implements HiveAgent {
    private static final Logger LOG = System.getLogger(OvosAgent.class.getName());

    private PluginSettings pluginSettings = PluginSettings.empty();
    private Vertx vertx;
    private OvosBusLink link;
    private HubBus bus;

    @Override
    public String name() {
        return "ovos";
    }

    @Override
    public String description() {
        return "bridge to an OVOS messagebus (agent_settings.url, default " + OvosSettings.DEFAULT_URL + ")";
    }

    @Override
    public void initialize(PluginContext context) {
        this.pluginSettings = context.settings();
        OvosSettings.from(pluginSettings); // fail at start-up on a bad setting
    }

    @Override
    public synchronized void start(HubBus hubBus) {
        OvosSettings settings = OvosSettings.from(pluginSettings);
        this.bus = hubBus;
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        this.link = new OvosBusLink(vertx, settings, this::fromBus);
        link.start();
    }

    @Override
    public void onSessionEstablished(PeerInfo peer) {
        emit("hive.client.connect", peerData(peer), JsonValues.object("source", peer.peerId()));
    }

    @Override
    public void onMessage(PeerInfo from, HiveMessage message) {
        if (message.type() == MessageType.BUS) {
            link.send(OvosJson.encode(message.payload()));
        } else {
            LOG.log(Level.DEBUG, "not forwarding " + message + " from " + from.peerId() + " to the OVOS bus");
        }
    }

    @Override
    public void onSessionClosed(PeerInfo peer) {
        emit("hive.client.disconnect", peerData(peer), JsonValues.object("source", peer.peerId()));
    }

    @Override
    public synchronized void stop() {
        if (link != null) {
            link.close();
        }
        if (vertx != null) {
            vertx.close();
        }
        link = null;
        vertx = null;
    }

    /** A message from the OVOS bus (on the link's event loop). */
    private void fromBus(String text) {
        Optional<Map<String, Object>> decoded = OvosJson.decode(text);
        if (decoded.isEmpty() || !(decoded.get().get("type") instanceof String type)) {
            LOG.log(Level.DEBUG, "ignoring a message from the OVOS bus that is not an OVOS message");
            return;
        }
        Map<String, Object> message = decoded.get();
        if (!(message.get("context") instanceof Map<?, ?>)) {
            message.put("context", new LinkedHashMap<>());
        }
        if ("hive.send.downstream".equals(type)) {
            downstream(message);
        } else if ("hive.send.upstream".equals(type)) {
            upstream(message);
        } else {
            bus.emit(message);
        }
    }

    /** hivemind-core's A3, with BROADCAST/PROPAGATE relayed as the hub relays them and ESCALATE sent up. */
    private void downstream(Map<String, Object> request) {
        Map<?, ?> data = request.get("data") instanceof Map<?, ?> d ? d : Map.of();
        Optional<MessageType> type = data.get("msg_type") instanceof String t ? MessageType.lookup(t) : Optional.empty();
        if (type.isEmpty()) {
            LOG.log(Level.WARNING, "hive.send.downstream without a known msg_type: ignored");
            return;
        }
        Object payload = data.get("payload");
        switch (type.get()) {
            case BROADCAST, PROPAGATE, ESCALATE -> {
                Optional<HiveMessage> inner = OvosJson.hiveMessage(payload);
                if (inner.isEmpty()) {
                    LOG.log(Level.WARNING, "hive.send.downstream " + type.get().wireName()
                            + " whose payload is not a HiveMessage: ignored");
                } else if (type.get() == MessageType.BROADCAST) {
                    bus.broadcast(inner.get());
                } else if (type.get() == MessageType.PROPAGATE) {
                    bus.propagate(inner.get());
                } else if (!bus.escalate(inner.get())) {
                    LOG.log(Level.INFO, "hive.send.downstream escalate: this hub has no connected upstream hub");
                }
            }
            default -> toPeer(request, type.get(), data, payload);
        }
    }

    /** What hivemind_bus_client's relay does with {@code hive.send.upstream}: ESCALATE or PROPAGATE up the hive. */
    private void upstream(Map<String, Object> request) {
        Map<?, ?> data = request.get("data") instanceof Map<?, ?> d ? d : Map.of();
        Optional<HiveMessage> inner = OvosJson.hiveMessage(data.get("payload"));
        String type = data.get("msg_type") instanceof String t ? t : "";
        if (inner.isEmpty() || !(type.equals("escalate") || type.equals("propagate"))) {
            LOG.log(Level.WARNING, "hive.send.upstream needs msg_type escalate or propagate and a HiveMessage payload");
        } else if (type.equals("propagate")) {
            bus.propagate(inner.get());
        } else if (!bus.escalate(inner.get())) {
            LOG.log(Level.INFO, "hive.send.upstream escalate: this hub has no connected upstream hub");
        }
    }

    private void toPeer(Map<String, Object> request, MessageType type, Map<?, ?> data, Object payload) {
        if (!(data.get("peer") instanceof String peer)) {
            return;
        }
        HiveMessage m = HiveMessage.builder(type).payload(payload instanceof Map<?, ?> p ? JsonValues.immutableObject(p)
                : Map.of()).build();
        if (!bus.send(peer, m)) {
            LOG.log(Level.ERROR, "hive.send.downstream: that client is not connected: "
                    + dev.hivemind.api.log.LogSafe.text(peer));
            @SuppressWarnings("unchecked")
            Map<String, Object> ctx = (Map<String, Object>) request.get("context");
            emit("hive.client.send.error", JsonValues.object("error", "That client is not connected", "peer", peer),
                    ctx);
        }
    }

    private static Map<String, Object> peerData(PeerInfo peer) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("peer", peer.peerId());
        data.put("site_id", peer.siteId());
        data.put("name", peer.clientName());
        return data;
    }

    private void emit(String type, Map<String, Object> data, Map<String, Object> context) {
        OvosBusLink l = link;
        if (l != null) {
            l.send(OvosJson.encode(JsonValues.object("type", type, "data", data, "context", context)));
        }
    }
}
