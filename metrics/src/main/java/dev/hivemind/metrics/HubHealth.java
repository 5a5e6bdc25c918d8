package dev.hivemind.metrics;

import java.util.Map;

/**
 * The hub's state for {@code /health}.
 *
 * @param up         whether every configured transport is listening and the hub is not stopping
 * @param transports name to bound address ({@code host:port}) of each listening transport
 * @param sessions   established sessions
 * @param pending    connections in their handshake
 */
public record HubHealth(boolean up, Map<String, String> transports, int sessions, int pending) {
    public HubHealth {
        transports = Map.copyOf(transports);
    }

    /** A JSON object, e.g. {@code {"status":"UP","sessions":10,"pending":0,"transports":{"websocket":"0.0.0.0:5678"}}}. */
    String toJson() {
        StringBuilder json = new StringBuilder("{\"status\":\"").append(up ? "UP" : "DOWN").append("\",\"sessions\":")
                .append(sessions).append(",\"pending\":").append(pending).append(",\"transports\":{");
        String separator = "";
        for (Map.Entry<String, String> t : new java.util.TreeMap<>(transports).entrySet()) {
            json.append(separator).append('"').append(escape(t.getKey())).append("\":\"").append(escape(t.getValue()))
                    .append('"');
            separator = ",";
        }
        return json.append("}}").toString();
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
