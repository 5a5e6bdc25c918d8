package dev.hivemind.engine.hub.router;

import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.JsonValues;
import dev.hivemind.api.wire.MessageType;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The topology PING (a PING inside PROPAGATE, flooded through the hive): every node answers a flood id once by
 * propagating a PING of its own with the same {@code flood_id}, its {@code peer} and {@code site_id}. The PINGs
 * themselves are relayed like any PROPAGATE. Remembers the last {@value #REMEMBERED} flood ids.
 */
final class PingResponder {
    static final int REMEMBERED = 4096;

    private final HubIdentity identity;
    private final Delivery delivery;
    private final Clock clock;
    private final Map<String, Boolean> answered = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };

    PingResponder(HubIdentity identity, Delivery delivery, Clock clock) {
        this.identity = identity;
        this.delivery = delivery;
        this.clock = clock;
    }

    /** A PING arrived (inside PROPAGATE); answers it if its flood id is new. */
    void onPing(HiveMessage ping) {
        if (!(ping.payload().get("flood_id") instanceof String flood) || flood.isEmpty()) {
            return;
        }
        synchronized (answered) {
            if (answered.putIfAbsent(flood, Boolean.TRUE) != null) {
                return;
            }
        }
        HiveMessage own = HiveMessage.builder(MessageType.PING)
                .payload(JsonValues.object("flood_id", flood, "timestamp", clock.millis() / 1000.0,
                        "peer", identity.routeId(), "site_id", identity.siteId()))
                .sourcePeer(identity.nodeId()).build();
        delivery.toPeers(MessageType.PROPAGATE, own, List.of(), null);
        delivery.toUpstream(MessageType.PROPAGATE, own, List.of());
    }
}
