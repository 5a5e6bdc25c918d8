package dev.hivemind.engine.hub.router;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code route} of a message: hops {@code {"source": ID, "targets": [ID, ...]}}. hivemind-core appends the sender's
 * hop on receipt (HUB-ROUTING.md H2) but never reads the route; this hub also adds a hop of its own (source: its route
 * id) to what it relays to other hubs, and drops a relayed message that already carries its hop or too many hops.
 */
public final class RouteHops {
    /** A relayed message with more hops than this is dropped, whatever their sources. */
    public static final int MAX_HOPS = 32;

    private RouteHops() {
    }

    /** H2: the route with the sender's hop appended, unless the last hop already has that source. */
    public static List<Object> withSender(List<Object> route, String peer) {
        if (!route.isEmpty() && route.get(route.size() - 1) instanceof Map<?, ?> last
                && peer.equals(last.get("source"))) {
            return route;
        }
        return withHop(route, peer, List.of(peer));
    }

    /** The route with one more hop. */
    public static List<Object> withHop(List<Object> route, String source, List<String> targets) {
        List<Object> out = new ArrayList<>(route.size() + 1);
        out.addAll(route);
        Map<String, Object> hop = new LinkedHashMap<>();
        hop.put("source", source);
        hop.put("targets", List.copyOf(targets));
        out.add(hop);
        return out;
    }

    /** Whether a message with this route must not be relayed again by the hub with {@code routeId}. */
    public static boolean looped(List<Object> route, String routeId) {
        if (route.size() > MAX_HOPS) {
            return true;
        }
        for (Object hop : route) {
            if (hop instanceof Map<?, ?> m && routeId.equals(m.get("source"))) {
                return true;
            }
        }
        return false;
    }
}
