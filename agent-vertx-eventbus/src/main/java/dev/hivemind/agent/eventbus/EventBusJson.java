package dev.hivemind.agent.eventbus;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The api's plain JSON values ⇄ Vert.x JSON, which every event bus (clustered too) can carry. */
final class EventBusJson {
    private EventBusJson() {
    }

    static JsonObject toJson(Map<?, ?> map) {
        JsonObject o = new JsonObject();
        map.forEach((k, v) -> o.put(String.valueOf(k), toJsonValue(v)));
        return o;
    }

    static Map<String, Object> toPlain(JsonObject o) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : o) {
            out.put(e.getKey(), plain(e.getValue()));
        }
        return out;
    }

    private static Object toJsonValue(Object v) {
        if (v instanceof Map<?, ?> m) {
            return toJson(m);
        }
        if (v instanceof List<?> l) {
            JsonArray a = new JsonArray();
            l.forEach(item -> a.add(toJsonValue(item)));
            return a;
        }
        return v;
    }

    private static Object plain(Object v) {
        if (v instanceof JsonObject o) {
            return toPlain(o);
        }
        if (v instanceof JsonArray a) {
            List<Object> out = new ArrayList<>(a.size());
            a.forEach(item -> out.add(plain(item)));
            return out;
        }
        return v;
    }
}
