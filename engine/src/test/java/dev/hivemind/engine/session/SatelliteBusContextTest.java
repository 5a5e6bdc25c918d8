package dev.hivemind.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.JsonValues;
import dev.hivemind.api.wire.MessageType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What our satellite adds to a BUS message's context, and what it keeps. */
class SatelliteBusContextTest {
    private final SatelliteBusContext stamp = new SatelliteBusContext("sid-1", "kitchen", "UA/1");

    private static Map<?, ?> context(HiveMessage m) {
        return (Map<?, ?>) m.payload().get("context");
    }

    @Test
    void anEmptyContextGetsSessionSourcePlatformAndDestination() {
        HiveMessage m = stamp.complete(HiveMessage.bus("recognizer_loop:utterance",
                JsonValues.object("utterances", List.of("hi")), JsonValues.object()));
        assertEquals(Map.of("source", "UA/1", "platform", "UA/1", "destination", "HiveMind",
                "session", Map.of("session_id", "sid-1", "site_id", "kitchen")), context(m));
        assertEquals(Map.of("utterances", List.of("hi")), m.payload().get("data"));
    }

    @Test
    void whatTheCallerSetIsKept() {
        HiveMessage m = stamp.complete(HiveMessage.bus("speak", JsonValues.object(), JsonValues.object(
                "source", "mine", "destination", List.of("skills"), "lang", "de-de",
                "session", JsonValues.object("session_id", "default", "lang", "de-de"))));
        Map<?, ?> ctx = context(m);
        assertEquals("mine", ctx.get("source"));
        assertEquals(List.of("skills"), ctx.get("destination"));
        assertEquals("de-de", ctx.get("lang"));
        assertEquals(Map.of("session_id", "default", "lang", "de-de", "site_id", "kitchen"), ctx.get("session"));
    }

    @Test
    void aPayloadWithoutContextGetsOne() {
        HiveMessage m = stamp.complete(HiveMessage.builder(MessageType.BUS)
                .payload(JsonValues.object("type", "ping", "data", JsonValues.object())).build());
        assertEquals("sid-1", ((Map<?, ?>) context(m).get("session")).get("session_id"));
    }

    @Test
    void otherTypesPassUnchanged() {
        HiveMessage shared = HiveMessage.builder(MessageType.SHARED_BUS)
                .payload(JsonValues.object("type", "x", "data", JsonValues.object(), "context", JsonValues.object()))
                .build();
        assertSame(shared, stamp.complete(shared));
        HiveMessage wrapped = HiveMessage.builder(MessageType.PROPAGATE).payload(JsonValues.object("msg_type", "ping",
                "payload", JsonValues.object())).build();
        assertSame(wrapped, stamp.complete(wrapped));
    }

    @Test
    void theBusInsideAnEscalateGetsItsSessionToo() {
        HiveMessage inner = HiveMessage.bus("recognizer_loop:utterance", JsonValues.object(), JsonValues.object());
        HiveMessage up = stamp.complete(dev.hivemind.engine.tck.EngineFixtures.messages().wrap(MessageType.ESCALATE,
                inner));
        Map<?, ?> payload = (Map<?, ?>) up.payload().get("payload");
        assertEquals("sid-1", ((Map<?, ?>) ((Map<?, ?>) payload.get("context")).get("session")).get("session_id"));
        assertEquals("bus", up.payload().get("msg_type"));
    }
}
