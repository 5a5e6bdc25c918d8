package dev.hivemind.dist.hive;

import static dev.hivemind.dist.hive.PskSatellite.hello;
import static dev.hivemind.dist.hive.Satellite.utterance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.agent.PeerInfo;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.JsonValues;
import dev.hivemind.api.wire.MessageType;
import dev.hivemind.engine.codec.json.HiveMessageCodec;
import dev.hivemind.engine.tck.EngineFixtures;
import dev.hivemind.engine.tck.RecordingAgent;
import dev.hivemind.engine.tck.TestClients;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A non-admin satellite (mallory, pre-shared key, so her HELLO can say anything) tries to get past the routing policy
 * by wrapping, by claiming to be a hub, or by naming somebody else as the sender; a fake hub below (an admin that
 * announces {@code node_type: hub}) sends the hub's own relays back. Real WebSocket sockets on loopback.
 */
class WrappingAttackTest {
    private static final HiveMessageCodec CODEC = EngineFixtures.messages();
    private static final String PASSWORD = "kitchen password 0123456789abcdef";
    private static final String MALLORY_PSK = "0123456789abcdef0123456789abcdef";
    private static final String BELOW_PSK = "abcdefabcdefabcdefabcdefabcdefab";

    @TempDir
    Path dir;
    private RoutedHub hub;

    @BeforeEach
    void start() {
        hub = new RoutedHub(dir, List.of(
                TestClients.client().id(2).key("kitchen-key").name("kitchen").password(PASSWORD).build(),
                TestClients.client().id(3).key("mallory-key").name("mallory").cryptoKey(MALLORY_PSK).build(),
                TestClients.client().id(5).key("below-key").name("below").cryptoKey(BELOW_PSK).admin(true).build()),
                Map.of());
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private static HiveMessage said(String text) {
        return HiveMessage.bus("recognizer_loop:utterance", JsonValues.object("utterances", List.of(text)),
                JsonValues.object());
    }

    private static Map<String, Object> asHub(Map<String, Object> hello) {
        Map<String, Object> h = new LinkedHashMap<>(hello);
        h.put("node_type", "hub");
        return h;
    }

    @Test
    void wrappedWrappersHellosAndHandshakesReachNobody() throws Exception {
        try (Satellite kitchen = hub.satellite(dir, "kitchen", "kitchen-key", PASSWORD);
                PskSatellite m = PskSatellite.connect(hub.port, "mallory-key", MALLORY_PSK, hello("m", "hall", null))) {
            hub.peerIdOf("mallory");
            HiveMessage speak = HiveMessage.bus("speak", JsonValues.object("utterance", "nested"), JsonValues.object());
            m.send(CODEC.wrap(MessageType.BROADCAST, speak));
            m.send(CODEC.wrap(MessageType.PROPAGATE, CODEC.wrap(MessageType.BROADCAST, speak)));
            m.send(CODEC.wrap(MessageType.ESCALATE, CODEC.wrap(MessageType.PROPAGATE, said("nested"))));
            m.send(CODEC.wrap(MessageType.PROPAGATE, HiveMessage.builder(MessageType.HELLO)
                    .payload(hello("x", "y", null)).build()));
            m.send(CODEC.wrap(MessageType.PROPAGATE, HiveMessage.builder(MessageType.HANDSHAKE)
                    .payload(Map.of("envelope", "00")).build()));
            HiveMessage deep = said("nested");
            for (int i = 0; i < 10; i++) {
                deep = CODEC.wrap(MessageType.PROPAGATE, deep);
            }
            m.send(deep);
            m.send(CODEC.wrap(MessageType.PROPAGATE, speak)); // speak is not in mallory's allowed_types
            hub.awaitRefused(7);
            m.send(CODEC.wrap(MessageType.PROPAGATE, said("marker")));
            assertTrue(kitchen.before(x -> "marker".equals(utterance(x)), "mallory's permitted propagate").isEmpty(),
                    "nothing of the refused messages reached kitchen");
            assertTrue(!m.isClosed());
        }
    }

    @Test
    void aNonAdminThatAnnouncesItselfAsAHubIsTreatedAsASatellite() throws Exception {
        try (Satellite kitchen = hub.satellite(dir, "kitchen", "kitchen-key", PASSWORD);
                PskSatellite m = PskSatellite.connect(hub.port, "mallory-key", MALLORY_PSK,
                        asHub(hello("m", "hall", null)))) {
            String mallory = hub.peerIdOf("mallory");
            assertEquals(PeerInfo.Role.SATELLITE, hub.hub().router().directory().byPeerId(mallory).orElseThrow()
                    .role());
            // an INTERCOM a hub below would relay unverified: from a satellite it must be signed with its HELLO key
            m.send(HiveMessage.builder(MessageType.INTERCOM).payload(JsonValues.object(
                    "ciphertext", Base64.getEncoder().encodeToString(new byte[256]),
                    "signature", Base64.getEncoder().encodeToString(new byte[256])))
                    .targetPubkey(dev.hivemind.engine.tck.IntercomFixtures.pem(kitchen.keys.getPublic())).build());
            // a route naming kitchen as the origin: only a hub below may name one
            m.send(HiveMessage.bus("recognizer_loop:utterance", JsonValues.object("utterances",
                    List.of("from mallory")), JsonValues.object("session", JsonValues.object("session_id", "m",
                    "hive_origin", "x"), "hive_origin", hub.peerIdOf("kitchen"))).toBuilder().route(List.of(Map.of("source", hub.peerIdOf("kitchen"),
                    "targets", List.of("x")))).build());
            RecordingAgent.Received r = hub.agent.await(x -> "from mallory".equals(utterance(x.message())));
            assertEquals(mallory, r.from().peerId());
            assertTrue(!((Map<?, ?>) r.message().payload().get("context")).containsKey("hive_origin"));
            hub.awaitRefused(1);
            kitchen.send(said("kitchen marker"));
            assertTrue(kitchen.before(x -> "kitchen marker".equals(utterance(x)), "its echo").stream()
                    .noneMatch(x -> x.type() == MessageType.INTERCOM), "the unsigned intercom was dropped");
        }
    }

    @Test
    void theSenderNamedInAMessageIsAlwaysTheOneThatSentIt() throws Exception {
        try (Satellite kitchen = hub.satellite(dir, "kitchen", "kitchen-key", PASSWORD);
                PskSatellite m = PskSatellite.connect(hub.port, "mallory-key", MALLORY_PSK, hello("m", "hall", null))) {
            String victim = hub.peerIdOf("kitchen");
            String mallory = hub.peerIdOf("mallory");
            m.send(HiveMessage.bus("recognizer_loop:utterance", JsonValues.object("utterances", List.of("spoofed")),
                    JsonValues.object("source", victim, "peer", victim, "destination", List.of(victim),
                            "session", JsonValues.object("session_id", "m"))).toBuilder().sourcePeer(victim).build());
            RecordingAgent.Received r = hub.agent.await(x -> "spoofed".equals(utterance(x.message())));
            Map<?, ?> ctx = (Map<?, ?>) r.message().payload().get("context");
            assertEquals(mallory, r.from().peerId());
            assertEquals(mallory, r.message().sourcePeer());
            assertEquals(mallory, ctx.get("source"));
            assertEquals(mallory, ctx.get("peer"));
            assertNotEquals(List.of(victim), ctx.get("destination"), "a satellite cannot address another one");
            kitchen.send(said("kitchen marker"));
            assertTrue(kitchen.before(x -> "kitchen marker".equals(utterance(x)), "its echo").stream()
                    .noneMatch(x -> "spoofed".equals(utterance(x))));
        }
    }

    /** A (fake or broken) hub below that sends this hub's relay back: the hub's own route hop marks it as a loop. */
    @Test
    void aRelayThatComesBackFromAHubBelowIsDropped() throws Exception {
        try (Satellite kitchen = hub.satellite(dir, "kitchen", "kitchen-key", PASSWORD);
                PskSatellite below = PskSatellite.connect(hub.port, "below-key", BELOW_PSK,
                        asHub(hello("below", "cellar", null)))) {
            assertEquals(PeerInfo.Role.HUB, hub.hub().router().directory().byPeerId(hub.peerIdOf("below"))
                    .orElseThrow().role());
            kitchen.send(CODEC.wrap(MessageType.PROPAGATE, said("round trip")));
            HiveMessage relayed = below.await(x -> x.type() == MessageType.PROPAGATE, "the propagate, wrapped");
            for (int i = 0; i < 5; i++) {
                below.send(relayed);
            }
            below.send(CODEC.wrap(MessageType.PROPAGATE, said("below marker")));
            assertTrue(kitchen.before(x -> "below marker".equals(utterance(x)), "the hub below's own propagate")
                    .stream().noneMatch(x -> "round trip".equals(utterance(x))), "its own message never came back");
        }
    }
}
