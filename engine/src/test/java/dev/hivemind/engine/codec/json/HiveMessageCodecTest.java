package dev.hivemind.engine.codec.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.error.CloseCode;
import dev.hivemind.api.error.InvalidPayloadException;
import dev.hivemind.api.error.ProtocolViolationException;
import dev.hivemind.api.wire.BinaryPayloadType;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.JsonValues;
import dev.hivemind.api.wire.MessageType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class HiveMessageCodecTest {
    private final HiveMessageCodec codec = new HiveMessageCodec(HiveJson.withDefaults());

    @Test
    void serialisesTheEightKeysInWireOrder() {
        HiveMessage m = HiveMessage.builder(MessageType.BUS)
                .payload(JsonValues.object("type", "speak", "data", Map.of("utterance", "hi"), "context", Map.of()))
                .metadata(Map.of("k", "v")).node("node1").sourcePeer("peer").targetSiteId("kitchen")
                .targetPubkey("PEM").build();
        assertEquals("{\"msg_type\": \"bus\", \"payload\": {\"type\": \"speak\", \"data\": {\"utterance\": \"hi\"}, "
                + "\"context\": {}}, \"metadata\": {\"k\": \"v\"}, \"route\": [], \"node\": \"node1\", "
                + "\"target_site_id\": \"kitchen\", \"target_pubkey\": \"PEM\", \"source_peer\": \"peer\"}",
                codec.serialize(m));
        assertEquals(List.of("msg_type", "payload", "metadata", "route", "node", "target_site_id", "target_pubkey",
                "source_peer"), new ArrayList<>(codec.toWire(m).keySet()));
    }

    @Test
    void emptyMessageHasNullsAndEmptyCollections() {
        assertEquals("{\"msg_type\": \"hello\", \"payload\": {}, \"metadata\": {}, \"route\": [], \"node\": null, "
                + "\"target_site_id\": null, \"target_pubkey\": null, \"source_peer\": null}",
                codec.serialize(HiveMessage.builder(MessageType.HELLO).build()));
    }

    @Test
    void routeHopsNeedATruthySourceAndTruthyTargets() {
        Map<String, Object> kept = new LinkedHashMap<>();
        kept.put("source", "a");
        kept.put("targets", List.of("b"));
        kept.put("extra", 1);
        List<Object> route = List.of(kept,
                JsonValues.object("source", "a", "targets", List.of()),
                JsonValues.object("source", "", "targets", List.of("b")),
                JsonValues.object("targets", List.of("b")),
                JsonValues.object("source", "a"),
                JsonValues.object("source", null, "targets", List.of("b")),
                "not-a-hop",
                JsonValues.object("source", "c", "targets", List.of("")));
        HiveMessage m = HiveMessage.builder(MessageType.PING).route(route).build();
        assertEquals(List.of(kept, JsonValues.object("source", "c", "targets", List.of(""))),
                codec.toWire(m).get("route"));
        assertTrue(codec.serialize(m).contains("\"route\": [{\"source\": \"a\", \"targets\": [\"b\"], \"extra\": 1}, "
                + "{\"source\": \"c\", \"targets\": [\"\"]}]"));
    }

    @Test
    void pythonTruthiness() {
        assertEquals(false, HiveMessageCodec.truthy(0));
        assertEquals(false, HiveMessageCodec.truthy(0.0));
        assertEquals(false, HiveMessageCodec.truthy(false));
        assertEquals(false, HiveMessageCodec.truthy(Map.of()));
        assertEquals(false, HiveMessageCodec.truthy(java.math.BigInteger.ZERO));
        assertEquals(true, HiveMessageCodec.truthy(1));
        assertEquals(true, HiveMessageCodec.truthy(Map.of("a", 1)));
        assertEquals(true, HiveMessageCodec.truthy("x"));
    }

    @Test
    void binaryMessagesHaveNoJsonForm() {
        HiveMessage bin = HiveMessage.binary(BinaryPayloadType.RAW_AUDIO, new byte[] {1, 2}, Map.of());
        ProtocolViolationException e = assertThrows(ProtocolViolationException.class, () -> codec.serialize(bin));
        assertEquals("BINARY message has no JSON form", e.reason());
    }

    @Test
    void parsesEveryFieldBack() {
        String text = "{\"msg_type\": \"bus\", \"payload\": {\"type\": \"speak\", \"data\": {}, \"context\": {}}, "
                + "\"metadata\": {\"a\": 1}, \"route\": [{\"source\": \"x\", \"targets\": [\"y\"]}], \"node\": \"n\", "
                + "\"target_site_id\": \"s\", \"target_pubkey\": \"p\", \"source_peer\": \"sp\"}";
        HiveMessage m = codec.parse(text);
        assertEquals(MessageType.BUS, m.type());
        assertEquals("speak", m.busMessageType());
        assertEquals(Map.of("a", 1), m.metadata());
        assertEquals("n", m.node());
        assertEquals("s", m.targetSiteId());
        assertEquals("p", m.targetPubkey());
        assertEquals("sp", m.sourcePeer());
        assertEquals(text, codec.serialize(m));
    }

    @Test
    void minimalMessageNeedsOnlyMsgType() {
        HiveMessage m = codec.parse("{\"msg_type\": \"ping\"}");
        assertEquals(MessageType.PING, m.type());
        assertEquals(Map.of(), m.payload());
        assertNull(m.node());
    }

    @Test
    void payloadGivenAsAJsonStringIsParsed() {
        HiveMessage m = codec.parse("{\"msg_type\": \"bus\", \"payload\": \"{\\\"type\\\": \\\"speak\\\", \\\"data\\\": {}}\"}");
        assertEquals("speak", m.busMessageType());
        assertThrows(InvalidPayloadException.class,
                () -> codec.parse("{\"msg_type\": \"bus\", \"payload\": \"{not json\"}"));
        assertThrows(InvalidPayloadException.class, () -> codec.parse("{\"msg_type\": \"bus\", \"payload\": \"[1]\"}"));
    }

    @Test
    void targetPeersAndUndefinedBinTypeAreAcceptedAndDropped() {
        HiveMessage m = codec.parse("{\"msg_type\": \"bus\", \"payload\": {}, \"target_peers\": [\"a\"], \"bin_type\": 0}");
        assertEquals(HiveMessage.builder(MessageType.BUS).build(), m);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown key | {\"msg_type\": \"bus\", \"version\": 2} | unexpected key \"version\"",
            "unknown msg_type | {\"msg_type\": \"telepathy\"} | unknown msg_type \"telepathy\"",
            "missing msg_type | {\"payload\": {}} | without msg_type",
            "null msg_type | {\"msg_type\": null} | without msg_type",
            "msg_type number | {\"msg_type\": 1} | \"msg_type\" must be a string",
            "binary as json | {\"msg_type\": \"bin\", \"payload\": {}} | BINARY message cannot arrive as JSON",
            "payload array | {\"msg_type\": \"bus\", \"payload\": [1]} | \"payload\" must be an object",
            "payload number | {\"msg_type\": \"bus\", \"payload\": 3} | \"payload\" must be an object",
            "metadata string | {\"msg_type\": \"bus\", \"metadata\": \"x\"} | \"metadata\" must be an object",
            "route object | {\"msg_type\": \"bus\", \"route\": {}} | \"route\" must be an array",
            "node number | {\"msg_type\": \"bus\", \"node\": 5} | \"node\" must be a string",
            "source_peer list | {\"msg_type\": \"bus\", \"source_peer\": []} | \"source_peer\" must be a string",
            "target_site_id bool | {\"msg_type\": \"bus\", \"target_site_id\": true} | \"target_site_id\" must be a string",
            "target_pubkey obj | {\"msg_type\": \"bus\", \"target_pubkey\": {}} | \"target_pubkey\" must be a string",
            "target_peers ints | {\"msg_type\": \"bus\", \"target_peers\": [1]} | \"target_peers\" must be an array of strings",
            "target_peers str | {\"msg_type\": \"bus\", \"target_peers\": \"a\"} | \"target_peers\" must be an array",
            "bin_type on bus | {\"msg_type\": \"bus\", \"bin_type\": 1} | \"bin_type\" set on a message that is not BINARY",
            "bin_type unknown | {\"msg_type\": \"bus\", \"bin_type\": 99} | \"bin_type\" is not a known",
            "bin_type string | {\"msg_type\": \"bus\", \"bin_type\": \"0\"} | \"bin_type\" must be an integer",
            "bin_type float | {\"msg_type\": \"bus\", \"bin_type\": 0.0} | \"bin_type\" must be an integer",
    })
    void malformedMessagesAreProtocolViolationsNamingTheProblem(String name, String text, String expected) {
        ProtocolViolationException e = assertThrows(ProtocolViolationException.class, () -> codec.parse(text));
        assertEquals(CloseCode.PROTOCOL_ERROR, e.closeCode());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void fromWireWithNullIsATypedError() {
        assertThrows(ProtocolViolationException.class, () -> codec.fromWire(null));
        Map<String, Object> nullKey = new java.util.HashMap<>();
        nullKey.put("msg_type", "bus");
        nullKey.put(null, 1);
        assertThrows(ProtocolViolationException.class, () -> codec.fromWire(nullKey));
        Map<String, Object> notJson = new LinkedHashMap<>();
        notJson.put("msg_type", "bus");
        notJson.put("payload", Map.of("x", new Object()));
        assertTrue(assertThrows(ProtocolViolationException.class, () -> codec.fromWire(notJson)).getMessage()
                .contains("not JSON"));
    }

    @Test
    void malformedTextIsInvalidPayload() {
        assertThrows(InvalidPayloadException.class, () -> codec.parse("{\"msg_type\": \"bus\""));
        assertThrows(InvalidPayloadException.class, () -> codec.parse("{\"msg_type\": \"bus\", \"msg_type\": \"hello\"}"));
        assertThrows(InvalidPayloadException.class, () -> codec.parse("[]"));
    }

    @ParameterizedTest
    @EnumSource(value = MessageType.class, names = {"BROADCAST", "PROPAGATE", "ESCALATE", "QUERY", "CASCADE"})
    void wrappingTypesCarryTheInnerMessageWireForm(MessageType outer) {
        HiveMessage inner = HiveMessage.bus("speak", Map.of("utterance", "RED ALERT"), Map.of());
        HiveMessage wrapped = codec.wrap(outer, inner);
        assertEquals("{\"msg_type\": \"" + outer.wireName() + "\", \"payload\": {\"msg_type\": \"bus\", \"payload\": "
                + "{\"type\": \"speak\", \"data\": {\"utterance\": \"RED ALERT\"}, \"context\": {}}, \"metadata\": {}, "
                + "\"route\": [], \"node\": null, \"target_site_id\": null, \"target_pubkey\": null, \"source_peer\": null}, "
                + "\"metadata\": {}, \"route\": [], \"node\": null, \"target_site_id\": null, \"target_pubkey\": null, "
                + "\"source_peer\": null}", codec.serialize(wrapped));
        assertEquals(inner, codec.unwrap(codec.parse(codec.serialize(wrapped))));
    }

    @Test
    void onlyWrappingTypesWrap() {
        HiveMessage inner = HiveMessage.builder(MessageType.PING).build();
        assertThrows(IllegalArgumentException.class, () -> codec.wrap(MessageType.BUS, inner));
        assertThrows(IllegalStateException.class, () -> codec.unwrap(inner));
    }
}
