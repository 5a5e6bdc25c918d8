package dev.hivemind.engine.hub.router;

import static dev.hivemind.engine.hub.router.RoutingHarness.awaitCount;
import static dev.hivemind.engine.hub.router.RoutingHarness.busType;
import static dev.hivemind.engine.hub.router.RoutingHarness.next;
import static dev.hivemind.engine.hub.router.RoutingHarness.utteranceOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.agent.PeerInfo;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.JsonValues;
import dev.hivemind.api.wire.MessageType;
import dev.hivemind.engine.client.HiveMindConnection;
import dev.hivemind.engine.session.ClientOptions;
import dev.hivemind.engine.tck.HubHarness;
import dev.hivemind.engine.tck.IntercomFixtures;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** BROADCAST, PROPAGATE, ESCALATE, INTERCOM, PING and hubs below over real sessions (in-memory transport). */
class RelaySessionsTest extends SessionsTestBase {
    private static final KeyPair KEY_B = IntercomFixtures.keyPair();
    private static final KeyPair KEY_C = IntercomFixtures.keyPair();



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
