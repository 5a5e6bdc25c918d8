package dev.hivemind.engine.hub.router;

import static dev.hivemind.engine.hub.router.RoutingHarness.awaitCount;
import static dev.hivemind.engine.hub.router.RoutingHarness.busType;
import static dev.hivemind.engine.hub.router.RoutingHarness.next;
import static dev.hivemind.engine.hub.router.RoutingHarness.utteranceOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.agent.BinaryHandler;
import dev.hivemind.api.agent.BinaryInput;
import dev.hivemind.api.agent.PeerInfo;
import dev.hivemind.api.wire.BinaryPayloadType;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.JsonValues;
import dev.hivemind.api.wire.MessageType;
import dev.hivemind.engine.client.HiveMindConnection;
import dev.hivemind.engine.tck.HubHarness;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The router over real sessions (in-memory transport): each rule as a satellite sees it. */
class RoutingSessionsTest extends SessionsTestBase {

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

}
