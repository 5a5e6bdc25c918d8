package dev.hivemind.agent.ovos;

import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.MessageType;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** JSON text of the OVOS bus ⇄ the api's plain maps and lists, and HiveMessages from their wire maps. */
final class OvosJson {
    private OvosJson() {
    }

    /** The JSON text of an OVOS message (or any JSON object). */
    static String encode(Map<String, Object> message) {
        return new JsonObject(message).encode();
    }

    /** An OVOS message read from the bus, as plain maps and lists; empty if it is not a JSON object. */
    static Optional<Map<String, Object>> decode(String text) {
        try {
            return Optional.of(plainObject(new JsonObject(text)));
        } catch (DecodeException | ClassCastException e) {
            return Optional.empty();
        }
    }

    /** A HiveMessage from its wire map ({@code msg_type}, {@code payload}, ...); empty if it is not one. */
    static Optional<HiveMessage> hiveMessage(Object wire) {
        if (!(wire instanceof Map<?, ?> m) || !(m.get("msg_type") instanceof String type)) {
            return Optional.empty();
        }
        Optional<MessageType> t = MessageType.lookup(type);
        if (t.isEmpty() || t.get() == MessageType.BINARY || !(m.get("payload") instanceof Map<?, ?> payload)) {
            return Optional.empty();
        }
        try {
            return Optional.of(HiveMessage.builder(t.get()).payload(cast(payload))
                    .route(m.get("route") instanceof List<?> r ? r : List.of())
                    .targetSiteId(m.get("target_site_id") instanceof String s ? s : null)
                    .targetPubkey(m.get("target_pubkey") instanceof String k ? k : null).build());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    private static Map<String, Object> plainObject(JsonObject o) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : o) {
            out.put(e.getKey(), plain(e.getValue()));
        }
        return out;
    }

    private static Object plain(Object v) {
        if (v instanceof JsonObject o) {
            return plainObject(o);
        }
        if (v instanceof JsonArray a) {
            List<Object> out = new ArrayList<>(a.size());
            for (Object item : a) {
                out.add(plain(item));
            }
            return out;
        }
        return v;
    }
}
