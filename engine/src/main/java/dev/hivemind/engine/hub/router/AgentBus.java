package dev.hivemind.engine.hub.router;

import dev.hivemind.api.agent.HubBus;
import dev.hivemind.api.agent.PeerDirectory;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.MessageType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@link HubBus} the router gives agents: hivemind-core's reply routing (A1) and downstream sends (A3). */
final class AgentBus implements HubBus {
    private final HubIdentity identity;
    private final RouterDirectory directory;
    private final Delivery delivery;

    AgentBus(HubIdentity identity, RouterDirectory directory, Delivery delivery) {
        this.identity = identity;
        this.directory = directory;
        this.delivery = delivery;
    }

    @Override
    public String nodeId() {
        return identity.nodeId();
    }

    @Override
    public PeerDirectory directory() {
        return directory;
    }

    @Override
    public int emit(Map<String, Object> ovosMessage) {
        return emit(ovosMessage, false);
    }

    @Override
    public int emitLocal(Map<String, Object> ovosMessage) {
        return emit(ovosMessage, true);
    }

    private int emit(Map<String, Object> ovosMessage, boolean hereOnly) {
        Object ctx = ovosMessage.get("context");
        if (!(ctx instanceof Map<?, ?> context) || !(ovosMessage.get("type") instanceof String)) {
            return 0;
        }
        Object dest = context.get("destination");
        List<?> targets = dest instanceof String s ? List.of(s) : dest instanceof List<?> l ? l : List.of();
        Map<String, Object> outContext = new LinkedHashMap<>();
        context.forEach((k, v) -> outContext.put(String.valueOf(k), v));
        outContext.put("source", "hive");
        Map<String, Object> payload = new LinkedHashMap<>(ovosMessage);
        payload.put("context", outContext);
        HiveMessage bus = null;
        int sent = 0;
        for (Object t : targets) {
            Optional<PeerEntry> e = t instanceof String peerId ? directory.entry(peerId) : Optional.empty();
            if (e.isPresent() && (!hereOnly || identity.holds(e.get().address()))) {
                if (bus == null) {
                    bus = HiveMessage.builder(MessageType.BUS).payload(payload).build();
                }
                delivery.toPeer(e.get(), bus.withSourcePeer(e.get().peerId()));
                sent++;
            }
        }
        return sent;
    }

    @Override
    public boolean send(String peerId, HiveMessage message) {
        Optional<PeerEntry> e = directory.entry(peerId);
        e.ifPresent(entry -> delivery.toPeer(entry, message));
        return e.isPresent();
    }

    @Override
    public void broadcast(HiveMessage inner) {
        delivery.toPeers(MessageType.BROADCAST, fromHub(inner), List.of(), null);
    }

    @Override
    public void propagate(HiveMessage inner) {
        HiveMessage m = fromHub(inner);
        delivery.toPeers(MessageType.PROPAGATE, m, List.of(), null);
        delivery.toUpstream(MessageType.PROPAGATE, m, List.of());
    }

    @Override
    public boolean escalate(HiveMessage inner) {
        return delivery.toUpstream(MessageType.ESCALATE, fromHub(inner), List.of());
    }

    private HiveMessage fromHub(HiveMessage inner) {
        return inner.withSourcePeer(identity.nodeId());
    }
}
