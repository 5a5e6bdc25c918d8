package dev.hivemind.engine.hub.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.agent.PeerInfo;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.wire.BinaryPayloadType;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.JsonValues;
import dev.hivemind.api.wire.MessageType;
import dev.hivemind.engine.codec.json.HiveMessageCodec;
import dev.hivemind.engine.tck.EngineFixtures;
import dev.hivemind.engine.tck.IntercomFixtures;
import dev.hivemind.engine.tck.TestClients;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One test per rule of {@link MessagePolicy} (HUB-ROUTING.md B1, B3, H3–H10, G5; docs/routing.md). */
class MessagePolicyTest {
    private static final KeyPair SENDER = IntercomFixtures.keyPair();
    private static final KeyPair TARGET = IntercomFixtures.keyPair();

    private final HiveMessageCodec codec = EngineFixtures.messages();
    private final MessagePolicy policy = new MessagePolicy(codec);
    private final ClientRecord plain = TestClients.client().build();
    private final ClientRecord admin = TestClients.client().admin(true).build();
    private final PeerInfo satellite = peer(PeerInfo.Role.SATELLITE);

    private static PeerInfo peer(PeerInfo.Role role) {
        return new PeerInfo("UA::1::sat::s1", role, 1, "sat", "kitchen", null, false, "hub:x");
    }

    private static HiveMessage utterance(Map<String, Object> context) {
        return HiveMessage.bus("recognizer_loop:utterance", JsonValues.object("utterances", List.of("hi")), context);
    }

    private static Map<String, Object> inSession(String id) {
        return JsonValues.object("session", JsonValues.object("session_id", id));
    }

    private Verdict from(ClientRecord client, HiveMessage m) {
        return policy.fromPeer(satellite, client, null, m);
    }

    private HiveMessage wrap(MessageType type, HiveMessage inner) {
        return codec.wrap(type, inner);
    }

    private static void assertKind(Verdict.Kind kind, Verdict v) {
        assertEquals(kind, v.kind(), v.reason());
    }

    private static void assertKind(Verdict.Kind kind, Verdict v, String why) {
        assertEquals(kind, v.kind(), why + ": " + v.reason());
    }

    // ------------------------------------------------------------------ BUS

    @Test
    void b1ABusMessageWithoutSessionDisconnectsANonAdmin() {
        Verdict v = from(plain, utterance(JsonValues.object()));
        assertKind(Verdict.Kind.DISCONNECT, v);
        assertEquals("session 'default' is reserved for admins", v.reason());
    }

    @Test
    void b1TheSessionDefaultByNameDisconnectsANonAdmin() {
        assertKind(Verdict.Kind.DISCONNECT, from(plain, utterance(inSession("default"))));
    }

    @Test
    void b1AnAdminMayUseTheDefaultSession() {
        assertKind(Verdict.Kind.PASS, from(admin, utterance(JsonValues.object())));
    }

    @Test
    void b1ASessionOfItsOwnPasses() {
        assertKind(Verdict.Kind.PASS, from(plain, utterance(inSession("s1"))));
        assertKind(Verdict.Kind.PASS, from(plain, utterance(JsonValues.object("session", JsonValues.object()))));
    }

    @Test
    void b3ABusTypeOutsideAllowedTypesIsDropped() {
        Verdict v = from(plain, HiveMessage.bus("speak", JsonValues.object(), inSession("s1")));
        assertKind(Verdict.Kind.DROP, v);
        assertEquals("bus type 'speak' is not in allowed_types", v.reason());
        ClientRecord allowed = TestClients.client().allowedTypes(List.of("speak")).build();
        assertKind(Verdict.Kind.PASS, from(allowed, HiveMessage.bus("speak", JsonValues.object(), inSession("s1"))));
    }

    @Test
    void aMalformedBusMessageClosesWithAProtocolError() {
        assertKind(Verdict.Kind.MALFORMED, from(plain, HiveMessage.builder(MessageType.BUS)
                .payload(JsonValues.object("data", JsonValues.object())).build()));
        assertKind(Verdict.Kind.MALFORMED, from(plain, HiveMessage.builder(MessageType.BUS)
                .payload(JsonValues.object("type", "x", "context", "not an object")).build()));
    }

    // ------------------------------------------------------------------ SHARED_BUS, BINARY, HELLO, unknown

    @Test
    void h8SharedBusPassesForAnyClient() {
        assertKind(Verdict.Kind.PASS, from(plain, HiveMessage.builder(MessageType.SHARED_BUS)
                .payload(JsonValues.object("type", "anything", "data", JsonValues.object())).build()));
    }

    @Test
    void h7BinaryPassesToTheBinaryHandler() {
        assertKind(Verdict.Kind.PASS, from(plain, HiveMessage.binary(BinaryPayloadType.RAW_AUDIO, new byte[4],
                Map.of())));
    }

    @Test
    void helloOrHandshakeAfterTheHandshakeIsAProtocolError() {
        assertKind(Verdict.Kind.MALFORMED, from(plain, HiveMessage.builder(MessageType.HELLO).build()));
        assertKind(Verdict.Kind.MALFORMED, from(plain, HiveMessage.builder(MessageType.HANDSHAKE).build()));
    }

    @Test
    void h10QueryCascadePingRendezvousAndThirdPartyAreDroppedAsHivemindCoreDoes() {
        for (MessageType t : List.of(MessageType.QUERY, MessageType.CASCADE, MessageType.PING, MessageType.RENDEZVOUS,
                MessageType.THIRDPRTY)) {
            assertKind(Verdict.Kind.DROP, from(admin, HiveMessage.builder(t).payload(JsonValues.object()).build()));
        }
    }

    // ------------------------------------------------------------------ BROADCAST, PROPAGATE, ESCALATE

    @Test
    void h3OnlyAdminsBroadcast() {
        HiveMessage b = wrap(MessageType.BROADCAST, HiveMessage.bus("recognizer_loop:utterance", JsonValues.object(),
                JsonValues.object()));
        assertKind(Verdict.Kind.DROP, from(plain, b));
        Verdict v = from(admin, b);
        assertKind(Verdict.Kind.PASS, v);
        assertEquals(MessageType.BUS, v.inner().type());
    }

    @Test
    void h4PropagateNeedsCanPropagate() {
        HiveMessage p = wrap(MessageType.PROPAGATE, utterance(inSession("s1")));
        assertKind(Verdict.Kind.PASS, from(plain, p));
        assertKind(Verdict.Kind.DROP, from(TestClients.client().canPropagate(false).build(), p));
    }

    @Test
    void h5EscalateNeedsCanEscalate() {
        HiveMessage e = wrap(MessageType.ESCALATE, utterance(inSession("s1")));
        assertKind(Verdict.Kind.PASS, from(plain, e));
        assertKind(Verdict.Kind.DROP, from(TestClients.client().canEscalate(false).build(), e));
    }

    @Test
    void theWrappedBusTypeMustBeInAllowedTypesToo() {
        HiveMessage p = wrap(MessageType.PROPAGATE, HiveMessage.bus("speak", JsonValues.object(), inSession("s1")));
        Verdict v = from(plain, p);
        assertKind(Verdict.Kind.DROP, v);
        assertEquals("propagate of bus type 'speak', not in allowed_types", v.reason());
        assertKind(Verdict.Kind.PASS, from(admin, p), "admins may relay any bus type (H3's broadcast of speak)");
    }

    @Test
    void aWrapperCarriesOnlyRelayableTypes() {
        HiveMessage nested = wrap(MessageType.PROPAGATE, wrap(MessageType.BROADCAST, utterance(inSession("s1"))));
        assertKind(Verdict.Kind.DROP, from(admin, nested));
        HiveMessage hello = wrap(MessageType.BROADCAST, HiveMessage.builder(MessageType.HELLO).build());
        assertKind(Verdict.Kind.DROP, from(admin, hello));
    }

    @Test
    void aPingTravelsInsidePropagateOnly() {
        HiveMessage ping = HiveMessage.builder(MessageType.PING).payload(JsonValues.object("flood_id", "f1")).build();
        assertKind(Verdict.Kind.PASS, from(plain, wrap(MessageType.PROPAGATE, ping)));
        assertKind(Verdict.Kind.DROP, from(admin, wrap(MessageType.BROADCAST, ping)));
        assertKind(Verdict.Kind.DROP, from(plain, wrap(MessageType.ESCALATE, ping)));
    }

    @Test
    void h1AMalformedWrappedMessageClosesWithAProtocolError() {
        HiveMessage bad = HiveMessage.builder(MessageType.PROPAGATE).payload(JsonValues.object("msg_type", "nope"))
                .build();
        assertKind(Verdict.Kind.MALFORMED, from(plain, bad));
        HiveMessage extraKey = HiveMessage.builder(MessageType.PROPAGATE)
                .payload(JsonValues.object("msg_type", "bus", "surprise", 1)).build();
        assertKind(Verdict.Kind.MALFORMED, from(plain, extraKey));
    }

    // ------------------------------------------------------------------ INTERCOM

    private Verdict intercom(PeerInfo sender, PublicKey key, HiveMessage m) {
        return policy.fromPeer(sender, plain, key, m);
    }

    @Test
    void h6AnIntercomSignedWithTheSendersHelloKeyPasses() {
        HiveMessage m = IntercomFixtures.intercom(TARGET.getPublic(), SENDER.getPrivate(), "hello");
        assertKind(Verdict.Kind.PASS, intercom(satellite, SENDER.getPublic(), m));
    }

    @Test
    void h6AnIntercomSignedByAnotherKeyIsDropped() {
        HiveMessage m = IntercomFixtures.intercom(TARGET.getPublic(), TARGET.getPrivate(), "forged");
        Verdict v = intercom(satellite, SENDER.getPublic(), m);
        assertKind(Verdict.Kind.DROP, v);
        assertEquals("intercom signature does not verify with the sender's public key", v.reason());
    }

    @Test
    void h6AnIntercomFromAPeerWithoutAPublicKeyIsDropped() {
        HiveMessage m = IntercomFixtures.intercom(TARGET.getPublic(), SENDER.getPrivate(), "hello");
        assertKind(Verdict.Kind.DROP, intercom(satellite, null, m));
    }

    @Test
    void h6AnIntercomWithoutCiphertextOrSignatureIsDropped() {
        HiveMessage m = HiveMessage.builder(MessageType.INTERCOM).payload(JsonValues.object("ciphertext", "AAAA"))
                .build();
        assertKind(Verdict.Kind.DROP, intercom(satellite, SENDER.getPublic(), m));
    }

    @Test
    void aHubBelowRelaysIntercomsItCheckedItself() {
        HiveMessage m = IntercomFixtures.intercom(TARGET.getPublic(), SENDER.getPrivate(), "relayed");
        assertKind(Verdict.Kind.PASS, intercom(peer(PeerInfo.Role.HUB), null, m));
    }

    @Test
    void anIntercomInsideAPropagateIsCheckedToo() {
        HiveMessage forged = IntercomFixtures.intercom(TARGET.getPublic(), TARGET.getPrivate(), "forged");
        assertKind(Verdict.Kind.DROP, intercom(satellite, SENDER.getPublic(), wrap(MessageType.PROPAGATE, forged)));
        HiveMessage signed = IntercomFixtures.intercom(TARGET.getPublic(), SENDER.getPrivate(), "signed");
        assertKind(Verdict.Kind.PASS, intercom(satellite, SENDER.getPublic(), wrap(MessageType.PROPAGATE, signed)));
    }

    // ------------------------------------------------------------------ from upstream

    @Test
    void theUpstreamHubMayPushBusBroadcastPropagateAndIntercomDown() {
        assertKind(Verdict.Kind.PASS, policy.fromUpstream(HiveMessage.bus("speak", JsonValues.object(),
                JsonValues.object())));
        assertKind(Verdict.Kind.PASS, policy.fromUpstream(wrap(MessageType.BROADCAST, utterance(JsonValues.object()))));
        assertKind(Verdict.Kind.PASS, policy.fromUpstream(
                IntercomFixtures.intercom(TARGET.getPublic(), SENDER.getPrivate(), "down")));
        assertKind(Verdict.Kind.DROP, policy.fromUpstream(wrap(MessageType.ESCALATE, utterance(JsonValues.object()))));
        assertKind(Verdict.Kind.DROP, policy.fromUpstream(HiveMessage.binary(BinaryPayloadType.FILE, new byte[1],
                Map.of())));
    }

    // ------------------------------------------------------------------ outgoing

    @Test
    void g5TheRecipientsMessageBlacklistFiltersEveryPath() {
        ClientRecord r = TestClients.client().messageBlacklist(List.of("speak", "bus")).build();
        assertFalse(policy.mayDeliver(r, HiveMessage.bus("speak", JsonValues.object(), JsonValues.object())));
        assertTrue(policy.mayDeliver(r, HiveMessage.bus("other", JsonValues.object(), JsonValues.object())));
        assertFalse(policy.mayDeliver(r, wrap(MessageType.BROADCAST, utterance(JsonValues.object()))),
                "a wrapper is compared by its inner hive type");
        assertTrue(policy.mayDeliver(r, HiveMessage.binary(BinaryPayloadType.TTS_AUDIO, new byte[1], Map.of())));
        assertTrue(policy.mayDeliver(plain, HiveMessage.bus("speak", JsonValues.object(), JsonValues.object())));
    }
}
