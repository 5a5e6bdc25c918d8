package dev.hivemind.dist.hive;

import static dev.hivemind.dist.hive.Satellite.utterance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.agent.PeerInfo;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.JsonValues;
import dev.hivemind.api.wire.MessageType;
import dev.hivemind.engine.client.HiveMindConnection;
import dev.hivemind.engine.codec.json.HiveMessageCodec;
import dev.hivemind.engine.tck.EngineFixtures;
import dev.hivemind.engine.tck.IntercomFixtures;
import dev.hivemind.engine.tck.RecordingAgent;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three-level hive (top hub with t1, t2; middle hub, a satellite of the top, with s1, s2, s3, s4) over real
 * sockets: each message type goes where HUB-ROUTING.md says hivemind-core delivers it (where 4.0.0 breaks, where the
 * protocol intends: docs/routing.md), and is refused where permissions say no. One test per rule.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HiveOfHivesTest {
    private static final HiveMessageCodec CODEC = EngineFixtures.messages();

    private Hive hive;
    private Satellite t1;
    private Satellite t2;
    private Satellite s1;
    private Satellite s2;
    private Satellite s3;
    private Satellite s4;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        hive = new Hive(dir).start();
        t1 = hive.atTop("t1");
        t2 = hive.atTop("t2");
        s1 = hive.atMiddle("s1");
        s2 = hive.atMiddle("s2");
        s3 = hive.atMiddle("s3");
        s4 = hive.atMiddle("s4");
    }

    @AfterAll
    void stop() {
        hive.close();
    }

    @BeforeEach
    void quiet() throws Exception {
        for (Satellite s : List.of(t1, t2, s1, s2, s3, s4)) {
            s.drain();
        }
        hive.topAgent.received().clear();
        hive.middleAgent.received().clear();
    }

    private static HiveMessage bus(String type, String text) {
        return HiveMessage.bus(type, "speak".equals(type) ? JsonValues.object("utterance", text)
                : JsonValues.object("utterances", List.of(text)), JsonValues.object());
    }

    private static HiveMessage wrap(MessageType type, HiveMessage inner) {
        return CODEC.wrap(type, inner);
    }

    private static java.util.function.Predicate<HiveMessage> says(String text) {
        return m -> text.equals(utterance(m));
    }

    private static void awaitAtLeast(LongSupplier counter, long value) throws InterruptedException {
        long end = System.nanoTime() + Satellite.WAIT.toNanos();
        while (counter.getAsLong() < value && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertTrue(counter.getAsLong() >= value, "the hub never processed the message");
    }

    private static RecordingAgent.Received awaitAgent(RecordingAgent agent, String text) throws InterruptedException {
        return agent.await(r -> text.equals(utterance(r.message())));
    }

    // ------------------------------------------------------------------ BUS

    @Test
    void busGoesToTheHubOfTheSatelliteAndItsReplyComesBack() throws Exception {
        s1.send(bus("recognizer_loop:utterance", "bus below"));
        s1.await(says("bus below"), "its echo from the middle hub");
        RecordingAgent.Received r = awaitAgent(hive.middleAgent, "bus below");
        assertEquals(PeerInfo.Role.SATELLITE, r.from().role());
        assertTrue(hive.topAgent.received().stream().noneMatch(says("bus below")), "BUS is not escalated");
    }

    @Test
    void busInTheDefaultSessionFromANonAdminClosesItsConnection() throws Exception {
        Satellite extra = hive.atMiddle("s2");
        extra.send(HiveMessage.bus("recognizer_loop:utterance", JsonValues.object(),
                JsonValues.object("session", JsonValues.object("session_id", "default"))));
        HiveMindConnection.CloseInfo close = extra.connection.closed().toCompletableFuture().get(20, TimeUnit.SECONDS);
        assertEquals(1008, close.code());
    }

    // ------------------------------------------------------------------ BROADCAST

    @Test
    void anAdminsBroadcastAtTheTopReachesEverySatelliteOfTheHiveUnwrapped() throws Exception {
        t1.send(wrap(MessageType.BROADCAST, bus("speak", "dinner")));
        for (Satellite s : List.of(t2, s1, s2)) {
            HiveMessage got = s.await(says("dinner"), "the broadcast speak");
            assertEquals(MessageType.BUS, got.type(), s.name + " receives the inner message");
            assertEquals("master:0.0.0.0", got.sourcePeer());
            assertTrue(((Map<?, ?>) got.route().get(0)).get("source").toString().contains("::1::t1::"));
        }
        t1.send(bus("recognizer_loop:utterance", "t1 marker"));
        assertTrue(t1.before(says("t1 marker"), "its echo").stream().noneMatch(says("dinner")), "not to the sender");
    }

    @Test
    void aBroadcastFromANonAdminReachesNobody() throws Exception {
        long refused = hive.top.hub().metrics().refusedMessages();
        t2.send(wrap(MessageType.BROADCAST, bus("speak", "not allowed")));
        awaitAtLeast(() -> hive.top.hub().metrics().refusedMessages(), refused + 1);
        t1.send(wrap(MessageType.BROADCAST, bus("speak", "allowed")));
        assertTrue(s1.before(says("allowed"), "t1's broadcast").stream().noneMatch(says("not allowed")));
    }

    @Test
    void aBroadcastAtTheMiddleStaysBelowTheMiddle() throws Exception {
        s1.send(wrap(MessageType.BROADCAST, bus("speak", "upstairs only")));
        s2.await(says("upstairs only"), "the middle's broadcast");
        s1.send(wrap(MessageType.PROPAGATE, bus("recognizer_loop:utterance", "after it")));
        assertTrue(t1.before(says("after it"), "s1's propagate").stream().noneMatch(says("upstairs only")),
                "BROADCAST never goes up");
    }

    // ------------------------------------------------------------------ PROPAGATE

    @Test
    void aPropagateFromBelowReachesEveryoneButItsSender() throws Exception {
        s1.send(wrap(MessageType.PROPAGATE, bus("recognizer_loop:utterance", "everyone")));
        for (Satellite s : List.of(s2, t1, t2)) {
            assertEquals(MessageType.BUS, s.await(says("everyone"), "the propagated bus").type());
        }
        s1.send(bus("recognizer_loop:utterance", "s1 marker"));
        assertTrue(s1.before(says("s1 marker"), "its echo").stream().noneMatch(says("everyone")));
    }

    @Test
    void aPropagateFromTheTopComesDownThroughTheMiddle() throws Exception {
        t2.send(wrap(MessageType.PROPAGATE, bus("recognizer_loop:utterance", "from the top")));
        for (Satellite s : List.of(t1, s1, s2)) {
            s.await(says("from the top"), "the propagated bus");
        }
    }

    @Test
    void aPropagateWithoutCanPropagateReachesNobody() throws Exception {
        long refused = hive.middle.hub().metrics().refusedMessages();
        s3.send(wrap(MessageType.PROPAGATE, bus("recognizer_loop:utterance", "s3 may not")));
        awaitAtLeast(() -> hive.middle.hub().metrics().refusedMessages(), refused + 1);
        s1.send(wrap(MessageType.PROPAGATE, bus("recognizer_loop:utterance", "s1 may")));
        assertTrue(t1.before(says("s1 may"), "s1's propagate").stream().noneMatch(says("s3 may not")));
        assertTrue(s2.before(says("s1 may"), "s1's propagate").stream().noneMatch(says("s3 may not")));
    }

    // ------------------------------------------------------------------ ESCALATE

    @Test
    void anEscalateGoesUpToTheTopOfTheHive() throws Exception {
        s1.send(wrap(MessageType.ESCALATE, bus("recognizer_loop:utterance", "to the top")));
        RecordingAgent.Received r = awaitAgent(hive.topAgent, "to the top");
        assertEquals(PeerInfo.Role.HUB, r.from().role(), "it arrives from the middle hub");
        s1.send(bus("recognizer_loop:utterance", "local marker"));
        awaitAgent(hive.middleAgent, "local marker");
        assertTrue(hive.middleAgent.receivedFrom().stream().noneMatch(x -> x.from().role() != PeerInfo.Role.UPSTREAM
                && "to the top".equals(utterance(x.message()))), "not handled by the middle (only the top's echo "
                + "comes back down to it)");
        t1.send(bus("recognizer_loop:utterance", "t1 marker"));
        assertTrue(t1.before(says("t1 marker"), "its echo").stream().noneMatch(says("to the top")));
    }

    @Test
    void theTopsAnswerToAnEscalateComesBackDownToItsSatellite() throws Exception {
        s2.send(wrap(MessageType.ESCALATE, bus("recognizer_loop:utterance", "answer me")));
        HiveMessage answer = s2.await(says("answer me"), "the top agent's echo, back through the middle");
        assertEquals(MessageType.BUS, answer.type());
        RecordingAgent.Received r = awaitAgent(hive.topAgent, "answer me");
        assertTrue(((Map<?, ?>) r.message().payload().get("context")).get("hive_origin").toString()
                .contains("::2::s2::"), "the top knows which satellite below sent it");
    }

    @Test
    void anEscalateForTheMiddlesSiteIsAlsoHandledThere() throws Exception {
        s1.send(wrap(MessageType.ESCALATE, bus("recognizer_loop:utterance", "for upstairs")).toBuilder()
                .targetSiteId("upstairs").build());
        awaitAgent(hive.middleAgent, "for upstairs");
        awaitAgent(hive.topAgent, "for upstairs");
    }

    @Test
    void anEscalateWithoutCanEscalateGoesNowhere() throws Exception {
        long refused = hive.middle.hub().metrics().refusedMessages();
        s3.send(wrap(MessageType.ESCALATE, bus("recognizer_loop:utterance", "s3 may not escalate")));
        awaitAtLeast(() -> hive.middle.hub().metrics().refusedMessages(), refused + 1);
        s1.send(wrap(MessageType.ESCALATE, bus("recognizer_loop:utterance", "escalate marker")));
        awaitAgent(hive.topAgent, "escalate marker");
        assertTrue(hive.topAgent.received().stream().noneMatch(says("s3 may not escalate")));
    }

    // ------------------------------------------------------------------ INTERCOM

    @Test
    void anIntercomReachesASatelliteOfTheSameHub() throws Exception {
        HiveMessage m = IntercomFixtures.intercom(s2.keys.getPublic(), s1.keys.getPrivate(), "s1 to s2");
        s1.send(m);
        assertEquals(m.payload(), s2.await(x -> x.type() == MessageType.INTERCOM, "the intercom").payload());
    }

    @Test
    void anIntercomTravelsUpTheHive() throws Exception {
        HiveMessage m = IntercomFixtures.intercom(t1.keys.getPublic(), s1.keys.getPrivate(), "s1 to t1");
        s1.send(m);
        assertEquals(m.payload(), t1.await(x -> x.type() == MessageType.INTERCOM, "the intercom").payload());
    }

    @Test
    void anIntercomTravelsDownTheHive() throws Exception {
        HiveMessage m = IntercomFixtures.intercom(s2.keys.getPublic(), t2.keys.getPrivate(), "t2 to s2");
        t2.send(m);
        assertEquals(m.payload(), s2.await(x -> x.type() == MessageType.INTERCOM, "the intercom").payload());
    }

    @Test
    void anIntercomNotSignedByItsSenderIsDropped() throws Exception {
        s1.send(IntercomFixtures.intercom(t1.keys.getPublic(), t2.keys.getPrivate(), "forged"));
        HiveMessage genuine = IntercomFixtures.intercom(t1.keys.getPublic(), s1.keys.getPrivate(), "genuine");
        s1.send(genuine);
        List<HiveMessage> before = t1.before(x -> x.type() == MessageType.INTERCOM, "the genuine intercom");
        assertTrue(before.stream().noneMatch(x -> x.type() == MessageType.INTERCOM));
    }

    // ------------------------------------------------------------------ blacklist, PING

    @Test
    void aSatellitesMessageBlacklistAppliesToWhatComesDownTheHive() throws Exception {
        t1.send(wrap(MessageType.BROADCAST, bus("speak", "not for s4")));
        t1.send(wrap(MessageType.BROADCAST, bus("recognizer_loop:utterance", "for s4")));
        assertTrue(s4.before(says("for s4"), "the second broadcast").stream().noneMatch(says("not for s4")));
    }

    @Test
    void aPingFloodIsAnsweredByEveryHub() throws Exception {
        HiveMessage ping = HiveMessage.builder(MessageType.PING).payload(JsonValues.object("flood_id", "flood-7",
                "peer", "s1", "site_id", "site-s1", "timestamp", 1.0)).build();
        s1.send(wrap(MessageType.PROPAGATE, ping));
        HiveMessage a = s1.await(m -> m.type() == MessageType.PING, "a hub's answer");
        HiveMessage b = s1.await(m -> m.type() == MessageType.PING && !a.payload().get("peer")
                .equals(m.payload().get("peer")), "the other hub's answer");
        assertEquals("flood-7", a.payload().get("flood_id"));
        assertEquals("flood-7", b.payload().get("flood_id"));
        t2.await(m -> m.type() == MessageType.PING && "s1".equals(m.payload().get("peer")), "s1's ping");
    }
}
