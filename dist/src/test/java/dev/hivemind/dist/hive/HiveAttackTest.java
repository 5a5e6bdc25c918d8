package dev.hivemind.dist.hive;

import static dev.hivemind.dist.hive.Satellite.utterance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.agent.PeerInfo;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.JsonValues;
import dev.hivemind.api.wire.MessageType;
import dev.hivemind.engine.codec.json.HiveMessageCodec;
import dev.hivemind.engine.tck.EngineFixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Satellites of the three-level test hive (real WebSocket sockets) that try to use the hive against its other
 * members: forged route hops, messages that come back, and answers addressed to somebody else.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HiveAttackTest {
    private static final HiveMessageCodec CODEC = EngineFixtures.messages();

    private Hive hive;
    private Satellite s1;
    private Satellite s2;
    private Satellite t1;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        hive = new Hive(dir).start();
        s1 = hive.atMiddle("s1");
        s2 = hive.atMiddle("s2");
        t1 = hive.atTop("t1");
    }

    @AfterAll
    void stop() {
        hive.close();
    }

    @BeforeEach
    void quiet() throws Exception {
        for (Satellite s : List.of(s1, s2, t1)) {
            s.drain();
        }
        hive.topAgent.received().clear();
        hive.middleAgent.received().clear();
    }

    private static HiveMessage utteranceBus(String text) {
        return HiveMessage.bus("recognizer_loop:utterance", JsonValues.object("utterances", List.of(text)),
                JsonValues.object());
    }

    private static Predicate<HiveMessage> says(String text) {
        return m -> text.equals(utterance(m));
    }

    private String peerIdAtMiddle(String name) {
        return hive.middle.hub().router().directory().peers().stream().filter(p -> p.clientName().equals(name))
                .findFirst().orElseThrow().peerId();
    }

    /**
     * The top hub learns which satellite below sent an escalated BUS from the first route hop, and the middle hub
     * sends the answer to that satellite. A satellite that put a hop naming another satellite first in its own route
     * would have the top's answer delivered to that satellite instead (satellite-to-satellite injection, quirk A-a,
     * through the hive). A satellite relays nothing: the hub discards the route it sends and starts it with its hop.
     */
    @Test
    void aForgedFirstRouteHopCannotSendTheTopsAnswerToAnotherSatellite() throws Exception {
        String victim = peerIdAtMiddle("s1");
        s2.send(CODEC.wrap(MessageType.ESCALATE, utteranceBus("forged origin")).toBuilder()
                .route(List.of(Map.of("source", victim, "targets", List.of(victim)))).build());
        dev.hivemind.engine.tck.RecordingAgent.Received r = hive.topAgent.await(x -> "forged origin".equals(utterance(x.message())));
        assertEquals(PeerInfo.Role.HUB, r.from().role());
        assertTrue(((Map<?, ?>) r.message().payload().get("context")).get("hive_origin").toString()
                .contains("::2::s2::"), "the top sees the real sender below");
        s2.await(says("forged origin"), "the top's answer, back to its real sender");
        s1.send(utteranceBus("s1 marker"));
        assertTrue(s1.before(says("s1 marker"), "its own echo").stream().noneMatch(says("forged origin")),
                "the victim never receives the answer");
    }

    /** A satellite cannot pre-fill the route (40 forged hops would have had its message dropped as a loop). */
    @Test
    void aRouteSentByASatelliteIsReplacedByItsHubsHop() throws Exception {
        List<Object> route = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            route.add(Map.of("source", "hop" + i, "targets", List.of("hop" + i)));
        }
        s2.send(CODEC.wrap(MessageType.PROPAGATE, utteranceBus("long route")).toBuilder().route(route).build());
        HiveMessage got = t1.await(says("long route"), "the propagate, relayed through the hive");
        assertTrue(got.route().size() <= 4, "the route starts at its sender: " + got.route());
    }
}
