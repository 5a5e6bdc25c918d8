package dev.hivemind.engine.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.MessageType;
import dev.hivemind.engine.client.HiveMindConnection;
import dev.hivemind.engine.session.ClientOptions;
import dev.hivemind.engine.session.SatelliteBusContext;
import dev.hivemind.engine.tck.HubHarness;
import dev.hivemind.engine.testplugin.TokenClientAuthFactory;
import dev.hivemind.engine.testplugin.TokenServerAuthFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bus_context.json: the BUS messages a Python satellite emits and the session rule a hivemind-core 4.0.0 hub applies
 * to them ({@code context.session} absent → session {@code default} → a non-admin is disconnected). Our satellite's
 * BUS messages must pass that rule: every one carries the session id announced in HELLO.
 */
class BusContextVectorTest {
    private static final Map<String, Object> VECTORS = VectorFiles.load("hivemind/bus_context.json");

    @TempDir
    Path dir;

    /** The recorded hub rule: the session id a hivemind-core hub reads from a BUS payload. */
    static String hubSessionId(Map<?, ?> busPayload) {
        Object ctx = busPayload.get("context");
        Object session = ctx instanceof Map<?, ?> c ? c.get("session") : null;
        if (!(session instanceof Map<?, ?> s)) {
            return "default";
        }
        return s.get("session_id") instanceof String id ? id : "a fresh random id";
    }

    private static HiveMessage emitted(Map<String, Object> c) {
        Map<String, Object> e = VectorFiles.object(c, "emitted");
        return HiveMessage.bus((String) e.get("type"), VectorFiles.object(e, "data"), VectorFiles.object(e, "context"));
    }

    @Test
    void theRecordedPythonWireFormWithoutSessionFallsUnderTheDefaultRule() {
        Map<String, Object> emit = VectorFiles.object(VECTORS, "client_emit");
        Map<String, Object> first = VectorFiles.list(emit, "cases").get(0);
        Map<String, Object> wire = VectorFiles.parse(VectorFiles.str(first, "wire"));
        assertEquals("default", hubSessionId(VectorFiles.object(wire, "payload")),
                "the recorded Python satellite sends no session: a 4.0.0 hub disconnects it unless admin");
        Map<String, Object> working = VectorFiles.object(VectorFiles.object(VECTORS, "satellite_with_session"), "wire");
        assertEquals("cc447265-454a-4f11-be62-d3e55fa1bd5c", hubSessionId(VectorFiles.object(working, "payload")));
    }

    @Test
    void ourSatelliteGivesEveryRecordedMessageASessionThatPassesTheHubRule() {
        SatelliteBusContext ours = new SatelliteBusContext("our-hello-session", "kitchen", "UA");
        for (Map<String, Object> c : VectorFiles.list(VectorFiles.object(VECTORS, "client_emit"), "cases")) {
            HiveMessage sent = ours.complete(emitted(c));
            String sid = hubSessionId(sent.payload());
            assertNotEquals("default", sid, "would be disconnected: " + c);
            Map<?, ?> callerContext = VectorFiles.object(VectorFiles.object(c, "emitted"), "context");
            Object callerSession = callerContext.get("session");
            String expected = callerSession instanceof Map<?, ?> s && s.get("session_id") instanceof String id
                    ? id : "our-hello-session";
            assertEquals(expected, sid, "the caller's session id is kept, ours fills the gap");
        }
    }

    @Test
    void ourHubAppliesTheRecordedRuleToTheRecordedMessages() {
        dev.hivemind.engine.codec.json.HiveMessageCodec codec = dev.hivemind.engine.tck.EngineFixtures.messages();
        dev.hivemind.engine.hub.router.MessagePolicy policy = new dev.hivemind.engine.hub.router.MessagePolicy(codec);
        ClientRecord plain = dev.hivemind.engine.tck.TestClients.client().build();
        ClientRecord admin = dev.hivemind.engine.tck.TestClients.client().admin(true).build();
        dev.hivemind.api.agent.PeerInfo peer = new dev.hivemind.api.agent.PeerInfo("UA::1::sat::s",
                dev.hivemind.api.agent.PeerInfo.Role.SATELLITE, 1, "sat", null, null, false, "hub:t");
        List<HiveMessage> recorded = new java.util.ArrayList<>();
        for (Map<String, Object> c : VectorFiles.list(VectorFiles.object(VECTORS, "client_emit"), "cases")) {
            recorded.add(codec.parse(VectorFiles.str(c, "wire")));
        }
        recorded.add(codec.fromWire(VectorFiles.object(VectorFiles.object(VECTORS, "satellite_with_session"), "wire")));
        for (HiveMessage m : recorded) {
            boolean noSession = "default".equals(hubSessionId(m.payload()));
            assertEquals(noSession ? dev.hivemind.engine.hub.router.Verdict.Kind.DISCONNECT
                    : dev.hivemind.engine.hub.router.Verdict.Kind.PASS, policy.fromPeer(peer, plain, null, m).kind(),
                    "non-admin: " + m.payload());
            assertEquals(dev.hivemind.engine.hub.router.Verdict.Kind.PASS, policy.fromPeer(peer, admin, null, m).kind(),
                    "an admin is never disconnected by the rule");
        }
        assertEquals("default", hubSessionId(recorded.get(0).payload()), "the first recorded message has no session");
    }

    @Test
    void overARealSessionTheHubReceivesTheHelloSessionIdAndSiteId() throws Exception {
        try (HubHarness h = HubHarness.builder().methods(List.of(new TokenServerAuthFactory()))
                .clients(List.of(ClientRecord.builder("key").clientId(1).name("sat")
                .credential("token", "secret").build())).dataDirectory(dir).build()) {
            h.agent().echo(false);
            HiveMindConnection c = h.connect(h.client(List.of(new TokenClientAuthFactory()),
                    new ClientCredentials("key", null, null, Map.of("token", "secret")),
                    ClientOptions.defaults().withSiteId("kitchen"), dir, Map.of()));
            Map<String, Object> first = VectorFiles.list(VectorFiles.object(VECTORS, "client_emit"), "cases").get(0);
            c.send(emitted(first));
            HiveMessage got = awaitReceived(h);
            assertEquals(MessageType.BUS, got.type());
            Map<?, ?> session = (Map<?, ?>) ((Map<?, ?>) got.payload().get("context")).get("session");
            assertEquals(c.sessionId(), session.get("session_id"));
            assertEquals("kitchen", session.get("site_id"));
            c.close();
        }
    }

    private static HiveMessage awaitReceived(HubHarness h) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (h.agent().received().isEmpty() && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        return h.agent().received().get(0);
    }
}
