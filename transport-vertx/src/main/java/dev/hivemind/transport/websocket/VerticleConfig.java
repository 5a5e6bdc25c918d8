package dev.hivemind.transport.websocket;

import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.transport.ServerTls;
import dev.hivemind.api.transport.ServerTransportConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The deployment configuration of {@link HiveMindVerticle}:
 * <pre>{@code
 * {
 *   "hub":       { ...the hub's configuration tree, handed to HubRuntimeProvider... },
 *   "websocket": { "host": "0.0.0.0", "port": 5678, "maxFrameBytes": 1048576, "idleTimeout": "5m",
 *                  "dataDirectory": "/var/lib/hivemind",
 *                  "tls": { "enabled": false, "certFile": "...", "keyFile": "..." },
 *                  "settings": { "closingTimeout": "5s", ... } }
 * }
 * }</pre>
 * Unknown keys are errors, so a typo never passes silently.
 *
 * @param hub    the hub's configuration as plain maps, lists and scalars
 * @param server the WebSocket server's configuration
 */
record VerticleConfig(Map<String, Object> hub, ServerTransportConfig server) {
    static final Set<String> TOP_KEYS = Set.of("hub", "websocket");
    static final Set<String> WEBSOCKET_KEYS = Set.of("host", "port", "maxFrameBytes", "idleTimeout", "dataDirectory",
            "tls", "settings");
    static final Set<String> TLS_KEYS = Set.of("enabled", "certFile", "keyFile");

    static VerticleConfig from(JsonObject json) {
        JsonObject root = json == null ? new JsonObject() : json;
        checkKeys("the verticle configuration", root, TOP_KEYS);
        Object hub = root.getValue("hub");
        if (hub != null && !(hub instanceof JsonObject)) {
            throw new IllegalArgumentException("'hub' must be an object");
        }
        Object ws = root.getValue("websocket");
        if (ws != null && !(ws instanceof JsonObject)) {
            throw new IllegalArgumentException("'websocket' must be an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> hubMap = hub == null ? Map.of() : (Map<String, Object>) plain(hub);
        return new VerticleConfig(hubMap, server(ws == null ? new JsonObject() : (JsonObject) ws));
    }

    private static ServerTransportConfig server(JsonObject ws) {
        checkKeys("'websocket'", ws, WEBSOCKET_KEYS);
        @SuppressWarnings("unchecked")
        PluginSettings s = PluginSettings.of((Map<String, ?>) plain(ws));
        PluginSettings tls = s.section("tls");
        checkKeys("'websocket.tls'", tls.keys(), TLS_KEYS);
        Path dataDirectory = s.path("dataDirectory").orElse(null);
        ServerTls serverTls = new ServerTls(tls.bool("enabled", false), tls.path("certFile").orElse(null),
                tls.path("keyFile").orElse(null));
        try {
            return new ServerTransportConfig(s.string("host", "0.0.0.0"),
                    s.integer("port", WebSocketTransportFactory.DEFAULT_PORT),
                    s.integer("maxFrameBytes", ServerTransportConfig.DEFAULT_MAX_FRAME_BYTES),
                    s.duration("idleTimeout", Duration.ofMinutes(5)), serverTls, dataDirectory, s.section("settings"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'websocket': " + e.getMessage(), e);
        }
    }

    private static void checkKeys(String where, JsonObject object, Set<String> known) {
        checkKeys(where, object.fieldNames(), known);
    }

    private static void checkKeys(String where, Set<String> keys, Set<String> known) {
        List<String> unknown = new ArrayList<>();
        for (String k : keys) {
            if (!known.contains(k)) {
                unknown.add(k);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown key(s) " + unknown + " in " + where + "; known: " + new TreeSet<>(known));
        }
    }

    /** Vert.x JSON values as plain Java maps, lists and scalars. */
    static Object plain(Object value) {
        if (value instanceof JsonObject o) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : o) {
                map.put(e.getKey(), plain(e.getValue()));
            }
            return map;
        }
        if (value instanceof Map<?, ?> m) {
            return plain(new JsonObject(castMap(m)));
        }
        if (value instanceof JsonArray a) {
            List<Object> list = new ArrayList<>();
            for (Object v : a) {
                list.add(plain(v));
            }
            return list;
        }
        if (value instanceof List<?> l) {
            return plain(new JsonArray(new ArrayList<>(l)));
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }
}
