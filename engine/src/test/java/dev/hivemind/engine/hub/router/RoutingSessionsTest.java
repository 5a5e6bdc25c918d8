package dev.hivemind.engine.hub.router;

import static dev.hivemind.engine.hub.router.RoutingHarness.awaitCount;
import static dev.hivemind.engine.hub.router.RoutingHarness.busType;
import static dev.hivemind.engine.hub.router.RoutingHarness.connect;
import static dev.hivemind.engine.hub.router.RoutingHarness.next;
import static dev.hivemind.engine.hub.router.RoutingHarness.utteranceOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.agent.BinaryHandler;
import dev.hivemind.api.agent.BinaryInput;
import dev.hivemind.api.agent.PeerInfo;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.wire.BinaryPayloadType;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.JsonValues;
import dev.hivemind.api.wire.MessageType;
import dev.hivemind.engine.client.HiveMindConnection;
import dev.hivemind.engine.codec.json.HiveMessageCodec;
import dev.hivemind.engine.session.ClientOptions;
import dev.hivemind.engine.tck.EngineFixtures;
import dev.hivemind.engine.tck.HubHarness;
import dev.hivemind.engine.tck.IntercomFixtures;
import dev.hivemind.engine.tck.TestClients;
import dev.hivemind.engine.testplugin.TokenAuthFactory;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The router over real sessions (in-memory transport): each rule as a satellite sees it. */
class RoutingSessionsTest {
    private static final KeyPair KEY_B = IntercomFixtures.keyPair();
    private static final KeyPair KEY_C = IntercomFixtures.keyPair();
    private static final HiveMessageCodec CODEC = EngineFixtures.messages();

    private final ClientRecord admin = TestClients.client().id(1).key("k1").name("admin").admin(true).build();
    private final ClientRecord b = TestClients.client().id(2).key("k2").name("b").build();
    private final ClientRecord c = TestClients.client().id(3).key("k3").name("c").build();
    private final ClientRecord restricted = TestClients.client().id(4).key("k4").name("d").canPropagate(false)
            .canEscalate(false).messageBlacklist(List.of("speak")).build();

    @TempDir
    Path dir;

    private HubHarness hub(HubHarness.Builder builder) {
        return builder.methods(List.of(new TokenAuthFactory())).clients(List.of(admin, b, c, restricted))
                .dataDirectory(dir).build();
    }

    private HiveMindConnection sat(HubHarness h, ClientRecord r, ClientOptions o) throws Exception {
        return connect(h, dir, r, o);
    }

    private HiveMindConnection sat(HubHarness h, ClientRecord r) throws Exception {
        return connect(h, dir, r, ClientOptions.defaults().withSiteId("site-" + r.name()));
    }

    private static HiveMessage utterance(String text) {
        return HiveMessage.bus("recognizer_loop:utterance", JsonValues.object("utterances", List.of(text)),
                JsonValues.object());
    }

    private static HiveMessage speak(String text) {
        return HiveMessage.bus("speak", JsonValues.object("utterance", text), JsonValues.object());
    }

    /** Answers every BUS message as an OVOS skill does: reply() swaps source and destination. */
    private static final class ReplyingAgent implements dev.hivemind.api.agent.HiveAgent {
        private volatile dev.hivemind.api.agent.HubBus bus;

        @Override
        public String name() {
            return "replying";
        }

        @Override
        public void start(dev.hivemind.api.agent.HubBus hubBus) {
            bus = hubBus;
        }

        @Override
        public void onMessage(PeerInfo from, HiveMessage message) {
            Map<?, ?> ctx = (Map<?, ?>) message.payload().get("context");
            bus.emit(JsonValues.object("type", "speak", "data", JsonValues.object("utterance", "noon"), "context",
                    JsonValues.object("source", ctx.get("destination"), "destination", ctx.get("source"),
                            "session", ctx.get("session"))));
        }
    }

    @Test
    void a1TheAgentsReplyComesBackByDestinationToTheSender() throws Exception {
        try (HubHarness h = hub(HubHarness.builder().agent(new ReplyingAgent()))) {
            HiveMindConnection s = sat(h, b);
            s.send(utterance("what time is it"));
            HiveMessage reply = next(s, m -> "speak".equals(busType(m)), "the reply's speak");
            Map<?, ?> ctx = (Map<?, ?>) reply.payload().get("context");
            String peer = reply.sourcePeer();
            assertTrue(peer.endsWith("::2::b::" + s.sessionId()), peer);
            assertEquals(peer, ctx.get("destination"));
            assertEquals("hive", ctx.get("source"));
            assertEquals(s.sessionId(), ((Map<?, ?>) ctx.get("session")).get("session_id"));
        }
    }

    @Test
    void b1ANonAdminBusInTheDefaultSessionClosesTheConnection() throws Exception {
        try (HubHarness h = hub(HubHarness.builder())) {
            HiveMindConnection s = sat(h, b);
            s.send(HiveMessage.bus("recognizer_loop:utterance", JsonValues.object(),
                    JsonValues.object("session", JsonValues.object("session_id", "default"))));
            HiveMindConnection.CloseInfo closed = s.closed().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertEquals(1008, closed.code());
            assertEquals("session 'default' is reserved for admins", closed.reason());
            assertTrue(h.agent().received().isEmpty());
        }
    }

    @Test
    void b4TheAgentSeesTheRewrittenContext() throws Exception {
        try (HubHarness h = hub(HubHarness.builder())) {
            HiveMindConnection s = sat(h, b);
            s.send(utterance("hello"));
            HiveMessage got = h.agent().await(r -> true).message();
            Map<?, ?> ctx = (Map<?, ?>) got.payload().get("context");
            assertTrue(((String) ctx.get("source")).endsWith("::b::" + s.sessionId()));
            assertEquals(ctx.get("source"), ctx.get("peer"));
            assertEquals("HiveMind", ctx.get("destination"));
            assertEquals("site-b", ((Map<?, ?>) ctx.get("session")).get("site_id"));
        }
    }

    @Test
    void b3ATypeOutsideAllowedTypesIsDroppedAndTheConnectionStays() throws Exception {
        try (HubHarness h = hub(HubHarness.builder())) {
            HiveMindConnection s = sat(h, b);
            s.send(speak("not allowed"));
            awaitCount(() -> h.hub().metrics().refusedMessages(), 1);
            s.send(utterance("allowed"));
            assertEquals("allowed", utteranceOf(next(s, m -> true, "the echo")));
            assertEquals(1, h.agent().received().size());
        }
    }

    @Test
    void h3AnAdminsBroadcastReachesEveryOtherPeerUnwrapped() throws Exception {
        try (HubHarness h = hub(HubHarness.builder())) {
            HiveMindConnection a = sat(h, admin);
            HiveMindConnection sb = sat(h, b);
            HiveMindConnection sc = sat(h, c);
            a.send(CODEC.wrap(MessageType.BROADCAST, speak("dinner")));
            for (HiveMindConnection other : List.of(sb, sc)) {
                HiveMessage got = next(other, m -> m.type() == MessageType.BUS, "the unwrapped speak");
                assertEquals("speak", busType(got));
                assertEquals("master:0.0.0.0", got.sourcePeer());
                Map<?, ?> hop = (Map<?, ?>) got.route().get(0);
                assertTrue(((String) hop.get("source")).contains("::1::admin::"), hop.toString());
                assertEquals(List.of(hop.get("source")), hop.get("targets"));
            }
            a.send(utterance("after"));
            assertEquals("after", utteranceOf(next(a, m -> true, "the echo, not its own broadcast")));
        }
    }

    @Test
    void h3ABroadcastFromANonAdminReachesNobody() throws Exception {
        try (HubHarness h = hub(HubHarness.builder())) {
            HiveMindConnection a = sat(h, admin);
            HiveMindConnection sb = sat(h, b);
            HiveMindConnection sc = sat(h, c);
            sb.send(CODEC.wrap(MessageType.BROADCAST, speak("spam")));
            awaitCount(() -> h.hub().metrics().refusedMessages(), 1);
            a.send(CODEC.wrap(MessageType.BROADCAST, speak("marker")));
            assertEquals("marker", ((Map<?, ?>) next(sc, m -> true, "the marker").payload().get("data"))
                    .get("utterance"));
        }
    }

    @Test
    void h4APropagateReachesTheOthersAndNeedsCanPropagate() throws Exception {
        try (HubHarness h = hub(HubHarness.builder())) {
            HiveMindConnection sb = sat(h, b);
            HiveMindConnection sc = sat(h, c);
            HiveMindConnection sd = sat(h, restricted);
            sd.send(CODEC.wrap(MessageType.PROPAGATE, utterance("refused")));
            awaitCount(() -> h.hub().metrics().refusedMessages(), 1);
            sb.send(CODEC.wrap(MessageType.PROPAGATE, utterance("shared")));
            assertEquals("shared", utteranceOf(next(sc, m -> m.type() == MessageType.BUS, "the propagated bus")));
            assertEquals("shared", utteranceOf(next(sd, m -> m.type() == MessageType.BUS, "the propagated bus")));
        }
    }

    @Test
    void h5AtTheTopOfTheHiveAnEscalatedBusGoesToTheAgent() throws Exception {
        try (HubHarness h = hub(HubHarness.builder())) {
            HiveMindConnection sb = sat(h, b);
            HiveMindConnection sd = sat(h, restricted);
            sd.send(CODEC.wrap(MessageType.ESCALATE, utterance("refused")));
            awaitCount(() -> h.hub().metrics().refusedMessages(), 1);
            sb.send(CODEC.wrap(MessageType.ESCALATE, utterance("up")));
            HiveMessage got = h.agent().await(r -> true).message();
            assertEquals("up", utteranceOf(got));
            assertTrue(((String) ((Map<?, ?>) got.payload().get("context")).get("peer")).contains("::2::b::"));
            assertEquals(1, h.agent().received().size());
        }
    }

    @Test
    void h6AnIntercomGoesToTheHolderOfItsTargetKeyOnlyIfSignedByTheSender() throws Exception {
        try (HubHarness h = hub(HubHarness.builder())) {
            ClientOptions o = ClientOptions.defaults();
            HiveMindConnection sb = sat(h, b, o.withHelloPublicKey(IntercomFixtures.pem(KEY_B.getPublic())));
            HiveMindConnection sc = sat(h, c, o.withHelloPublicKey(IntercomFixtures.pem(KEY_C.getPublic())));
            HiveMindConnection a = sat(h, admin);
            sb.send(IntercomFixtures.intercom(KEY_C.getPublic(), KEY_C.getPrivate(), "forged"));
            awaitCount(() -> h.hub().metrics().refusedMessages(), 1);
            HiveMessage signed = IntercomFixtures.intercom(KEY_C.getPublic(), KEY_B.getPrivate(), "for c");
            sb.send(signed);
            HiveMessage got = next(sc, m -> m.type() == MessageType.INTERCOM, "the intercom");
            assertEquals(signed.payload(), got.payload());
            assertTrue(got.sourcePeer().contains("::2::b::"), got.sourcePeer());
            a.send(CODEC.wrap(MessageType.BROADCAST, speak("marker")));
            assertEquals(MessageType.BUS, next(sb, m -> true, "the marker, no intercom").type());
        }
    }

    @Test
    void h6AnIntercomAddressedBySiteIdReachesThatSite() throws Exception {
        try (HubHarness h = hub(HubHarness.builder())) {
            HiveMindConnection sb = sat(h, b, ClientOptions.defaults().withSiteId("garage")
                    .withHelloPublicKey(IntercomFixtures.pem(KEY_B.getPublic())));
            HiveMindConnection sc = sat(h, c, ClientOptions.defaults().withSiteId("kitchen"));
            HiveMessage m = IntercomFixtures.intercom(KEY_C.getPublic(), KEY_B.getPrivate(), "to the kitchen")
                    .toBuilder().targetPubkey(null).targetSiteId("kitchen").build();
            sb.send(m);
            assertEquals(m.payload(), next(sc, x -> x.type() == MessageType.INTERCOM, "the intercom").payload());
        }
    }

    @Test
    void h8SharedBusGoesToTheMonitorHookOnly() throws Exception {
        try (HubHarness h = hub(HubHarness.builder())) {
            HiveMindConnection sb = sat(h, b);
            HiveMindConnection sc = sat(h, c);
            sb.send(HiveMessage.builder(MessageType.SHARED_BUS).payload(JsonValues.object("type", "local.event",
                    "data", JsonValues.object(), "context", JsonValues.object())).build());
            awaitCount(() -> h.agent().sharedBus().size(), 1);
            assertEquals("local.event", h.agent().sharedBus().get(0).payload().get("type"));
            assertTrue(h.agent().received().isEmpty());
            sc.send(utterance("marker"));
            assertEquals("marker", utteranceOf(next(sc, m -> true, "only its own echo")));
        }
    }

    @Test
    void h7BinaryGoesToTheBinaryHandlerWithItsMetadata() throws Exception {
        List<BinaryInput> got = new CopyOnWriteArrayList<>();
        BinaryHandler handler = new BinaryHandler() {
            @Override
            public String name() {
                return "test-binary";
            }

            @Override
            public void onBinary(PeerInfo from, BinaryInput input) {
                got.add(input);
            }
        };
        try (HubHarness h = hub(HubHarness.builder().binaryHandler(handler))) {
            HiveMindConnection sb = sat(h, b);
            sb.send(HiveMessage.binary(BinaryPayloadType.RAW_AUDIO, new byte[] {1, 2, 3}, Map.of("sample_rate", 8000)));
            awaitCount(got::size, 1);
            assertEquals(BinaryPayloadType.RAW_AUDIO, got.get(0).type());
            assertEquals(8000, got.get(0).sampleRate());
            assertEquals(2, got.get(0).sampleWidth());
            assertEquals(3, got.get(0).size());
        }
    }

    @Test
    void g5TheRecipientsMessageBlacklistAppliesToRelayedMessages() throws Exception {
        try (HubHarness h = hub(HubHarness.builder())) {
            HiveMindConnection a = sat(h, admin);
            HiveMindConnection sd = sat(h, restricted);
            a.send(CODEC.wrap(MessageType.BROADCAST, speak("blacklisted for d")));
            a.send(CODEC.wrap(MessageType.BROADCAST, utterance("marker")));
            assertEquals("marker", utteranceOf(next(sd, m -> true, "the marker, not the speak")));
        }
    }

    @Test
    void aPingInsidePropagateIsRelayedAndAnsweredOncePerFloodId() throws Exception {
        try (HubHarness h = hub(HubHarness.builder())) {
            HiveMindConnection sb = sat(h, b);
            HiveMindConnection sc = sat(h, c);
            HiveMessage ping = HiveMessage.builder(MessageType.PING).payload(JsonValues.object("flood_id", "f-1",
                    "peer", "b", "site_id", "site-b", "timestamp", 1.0)).build();
            sb.send(CODEC.wrap(MessageType.PROPAGATE, ping));
            HiveMessage relayed = next(sc, m -> m.type() == MessageType.PING, "b's ping");
            assertEquals("b", relayed.payload().get("peer"));
            HiveMessage answer = next(sc, m -> m.type() == MessageType.PING, "the hub's ping");
            assertEquals("f-1", answer.payload().get("flood_id"));
            assertTrue(((String) answer.payload().get("peer")).startsWith("hub:"));
            HiveMessage toSender = next(sb, m -> m.type() == MessageType.PING, "the hub's answer to b");
            assertEquals(answer.payload().get("peer"), toSender.payload().get("peer"));
            sb.send(CODEC.wrap(MessageType.PROPAGATE, ping));
            next(sc, m -> m.type() == MessageType.PING && "b".equals(m.payload().get("peer")), "b's ping again");
            sb.send(utterance("marker"));
            assertEquals("marker", utteranceOf(next(sb, m -> true, "the echo: no second answer")));
        }
    }

    @Test
    void h10QueryAndCascadeAreDroppedAndTheConnectionStays() throws Exception {
        try (HubHarness h = hub(HubHarness.builder())) {
            HiveMindConnection sb = sat(h, b);
            sb.send(CODEC.wrap(MessageType.QUERY, utterance("q")));
            sb.send(CODEC.wrap(MessageType.CASCADE, utterance("c")));
            awaitCount(() -> h.hub().metrics().refusedMessages(), 2);
            sb.send(utterance("still here"));
            assertEquals("still here", utteranceOf(next(sb, m -> true, "the echo")));
        }
    }

    @Test
    void aHubBelowGetsWrappersAndAWrapperThatAlreadyPassedThisHubIsDropped() throws Exception {
        try (HubHarness h = hub(HubHarness.builder())) {
            HiveMindConnection below = sat(h, admin, ClientOptions.defaults().withHub(true));
            HiveMindConnection sb = sat(h, b);
            HiveMindConnection sc = sat(h, c);
            assertTrue(h.hub().router().directory().peers().stream().anyMatch(p -> p.role() == PeerInfo.Role.HUB));
            sb.send(CODEC.wrap(MessageType.PROPAGATE, utterance("to the hub below")));
            HiveMessage wrapped = next(below, m -> m.type() == MessageType.PROPAGATE, "the propagate, wrapped");
            next(sc, m -> "to the hub below".equals(utteranceOf(m)), "the propagate, unwrapped for a satellite");
            assertEquals("to the hub below", utteranceOf(CODEC.unwrap(wrapped)));
            Map<?, ?> ownHop = (Map<?, ?>) wrapped.route().get(wrapped.route().size() - 1);
            assertEquals(h.hub().router().identity().routeId(), ownHop.get("source"));

            HiveMessage looped = CODEC.wrap(MessageType.PROPAGATE, utterance("came back")).toBuilder()
                    .route(wrapped.route()).build();
            below.send(looped);
            below.send(CODEC.wrap(MessageType.PROPAGATE, utterance("fresh")));
            assertEquals("fresh", utteranceOf(next(sc, m -> true, "the fresh propagate, not the looped one")));
        }
    }

    @Test
    void aNonAdminThatAnnouncesItselfAsAHubIsTreatedAsASatellite() throws Exception {
        try (HubHarness h = hub(HubHarness.builder())) {
            HiveMindConnection pretender = sat(h, b, ClientOptions.defaults().withHub(true));
            HiveMindConnection sc = sat(h, c);
            assertTrue(h.hub().router().directory().peers().stream().noneMatch(p -> p.role() == PeerInfo.Role.HUB));
            sc.send(CODEC.wrap(MessageType.PROPAGATE, utterance("plain")));
            assertEquals(MessageType.BUS, next(pretender, m -> true, "the unwrapped bus").type());
        }
    }
}
