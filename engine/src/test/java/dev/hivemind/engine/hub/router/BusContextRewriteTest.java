package dev.hivemind.engine.hub.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.JsonValues;
import dev.hivemind.engine.tck.TestClients;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** B2 and B4 of HUB-ROUTING.md, and the quirks this hub does not copy (B-b, B-c, A-a). */
class BusContextRewriteTest {
    private static final String PEER = "UA::1::sat::s1";
    private final BusContextRewrite rewrite = new BusContextRewrite("en-us");
    private final ClientRecord client = TestClients.client().skillBlacklist(List.of("skill-x"))
            .intentBlacklist(List.of("skill-y:intent")).build();
    private final Map<String, Object> stored = BusContextRewrite.initialSession(
            JsonValues.object("session", JsonValues.object("session_id", "s1", "lang", "de-de")), "s1", "kitchen");

    private Map<?, ?> context(HiveMessage m) {
        return (Map<?, ?>) rewrite.rewrite(m, PEER, stored, client, id -> id.equals("UA::2::other::s2"))
                .payload().get("context");
    }

    @Test
    void r2TheHelloSessionIsStoredWithItsSiteId() {
        assertEquals(Map.of("session_id", "s1", "lang", "de-de", "site_id", "kitchen"), stored);
    }

    @Test
    void b4SessionSourcePeerAndDestinationAreRewritten() {
        Map<?, ?> ctx = context(HiveMessage.bus("recognizer_loop:utterance", JsonValues.object(),
                JsonValues.object("source", "mine", "platform", "x", "session", JsonValues.object("session_id", "s1"))));
        assertEquals(PEER, ctx.get("source"));
        assertEquals(PEER, ctx.get("peer"));
        assertEquals("skills", ctx.get("destination"));
        assertEquals("x", ctx.get("platform"), "other context keys pass unchanged");
        assertEquals(Map.of("session_id", "s1", "lang", "de-de", "site_id", "kitchen",
                "blacklisted_skills", List.of("skill-x"), "blacklisted_intents", List.of("skill-y:intent")),
                ctx.get("session"));
    }

    @Test
    void b4SpeakGoesToAudioAndAGivenDestinationIsKept() {
        assertEquals(List.of("audio"), context(HiveMessage.bus("speak", JsonValues.object(),
                JsonValues.object("destination", "somewhere"))).get("destination"));
        assertEquals("HiveMind", context(HiveMessage.bus("x", JsonValues.object(),
                JsonValues.object("destination", "HiveMind"))).get("destination"));
    }

    @Test
    void quirkAaADestinationCannotNameAnotherPeer() {
        assertEquals("skills", context(HiveMessage.bus("x", JsonValues.object(),
                JsonValues.object("destination", "UA::2::other::s2"))).get("destination"));
        assertEquals(List.of("skills"), context(HiveMessage.bus("x", JsonValues.object(),
                JsonValues.object("destination", List.of("UA::2::other::s2", "skills")))).get("destination"));
    }

    @Test
    void b4LangFallsBackToTheContextTheDataThenTheDefault() {
        Map<String, Object> bare = BusContextRewrite.initialSession(JsonValues.object(), "s1", null);
        Map<?, ?> s = (Map<?, ?>) ((Map<?, ?>) rewrite.rewrite(HiveMessage.bus("x", JsonValues.object("lang", "fr-fr"),
                JsonValues.object()), PEER, bare, client, id -> false).payload().get("context")).get("session");
        assertEquals("fr-fr", s.get("lang"));
        assertEquals("unknown", s.get("site_id"));
        Map<?, ?> d = (Map<?, ?>) ((Map<?, ?>) rewrite.rewrite(HiveMessage.bus("x", JsonValues.object(),
                JsonValues.object()), PEER, bare, client, id -> false).payload().get("context")).get("session");
        assertEquals("en-us", d.get("lang"));
    }

    @Test
    void b2AMessageInTheStoredSessionUpdatesItAndKeepsTheSiteIdQuirkBb() {
        Map<String, Object> updated = rewrite.updatedSession(stored, HiveMessage.bus("x", JsonValues.object(),
                JsonValues.object("session", JsonValues.object("session_id", "s1", "lang", "it-it", "unknown_key", 1)))
                .payload());
        assertEquals("it-it", updated.get("lang"));
        assertEquals("kitchen", updated.get("site_id"));
        Map<?, ?> s = (Map<?, ?>) ((Map<?, ?>) rewrite.rewrite(HiveMessage.bus("x", JsonValues.object(),
                JsonValues.object()), PEER, updated, client, id -> false).payload().get("context")).get("session");
        assertEquals(null, s.get("unknown_key"), "keys outside an OVOS session are dropped");
    }

    @Test
    void b2AnotherSessionOrTheDefaultOneNeverUpdatesIt() {
        assertSame(stored, rewrite.updatedSession(stored, HiveMessage.bus("x", JsonValues.object(),
                JsonValues.object("session", JsonValues.object("session_id", "other"))).payload()));
        Map<String, Object> adminDefault = BusContextRewrite.initialSession(JsonValues.object(), "default", null);
        assertSame(adminDefault, rewrite.updatedSession(adminDefault, HiveMessage.bus("x", JsonValues.object(),
                JsonValues.object("session", JsonValues.object("session_id", "default", "lang", "x"))).payload()));
    }

    @Test
    void quirkBcOneClientsBlacklistNeverLeaksIntoTheStoredSession() {
        List<Object> before = List.copyOf((List<?>) ((Map<?, ?>) context(HiveMessage.bus("x", JsonValues.object(),
                JsonValues.object())).get("session")).get("blacklisted_skills"));
        assertEquals(List.of("skill-x"), before);
        assertEquals(null, stored.get("blacklisted_skills"));
        Map<?, ?> other = (Map<?, ?>) ((Map<?, ?>) rewrite.rewrite(HiveMessage.bus("x", JsonValues.object(),
                JsonValues.object()), "UA::3::c::s3", BusContextRewrite.initialSession(JsonValues.object(), "s3", null),
                TestClients.client().id(3).build(), id -> false).payload().get("context")).get("session");
        assertEquals(List.of(), other.get("blacklisted_skills"));
    }
}
