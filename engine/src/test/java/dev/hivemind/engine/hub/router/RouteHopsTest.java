package dev.hivemind.engine.hub.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** H2 hops, and the loop rule: a hub drops what already carries its own hop, or too many hops. */
class RouteHopsTest {
    @Test
    void h2TheSendersHopIsAppendedOnce() {
        List<Object> once = RouteHops.withSender(List.of(), "p");
        assertEquals(List.of(Map.of("source", "p", "targets", List.of("p"))), once);
        assertEquals(once, RouteHops.withSender(once, "p"));
        assertEquals(2, RouteHops.withSender(once, "q").size());
    }

    @Test
    void aRouteWithThisHubsHopOrTooManyHopsHasLooped() {
        List<Object> route = RouteHops.withHop(List.of(), "hub:a", List.of("x"));
        assertTrue(RouteHops.looped(route, "hub:a"));
        assertFalse(RouteHops.looped(route, "hub:b"));
        List<Object> longRoute = new ArrayList<>();
        for (int i = 0; i <= RouteHops.MAX_HOPS; i++) {
            longRoute = RouteHops.withHop(longRoute, "h" + i, List.of("x"));
        }
        assertTrue(RouteHops.looped(longRoute, "hub:b"));
    }
}
