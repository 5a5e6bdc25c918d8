package dev.hivemind.api.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.error.ProtocolViolationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HiveMessageTest {

    @Test
    void collectionsAreDeepCopiedAndUnmodifiable() {
        List<Object> utterances = new ArrayList<>(List.of("hi"));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("utterances", utterances);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "recognizer_loop:utterance");
        payload.put("data", data);
        List<Object> route = new ArrayList<>(List.of(new LinkedHashMap<>(Map.of("source", "a"))));
        HiveMessage m = HiveMessage.builder(MessageType.BUS).payload(payload).route(route).metadata(new HashMap<>()).build();

        utterances.add("changed");
        data.put("extra", 1);
        payload.put("type", "changed");
        route.clear();
        assertEquals("recognizer_loop:utterance", m.busMessageType());
        assertEquals(Map.of("utterances", List.of("hi")), m.payload().get("data"));
        assertEquals(1, m.route().size());

        assertThrows(UnsupportedOperationException.class, () -> m.payload().put("x", 1));
        assertThrows(UnsupportedOperationException.class, () -> m.metadata().put("x", 1));
        assertThrows(UnsupportedOperationException.class, () -> m.route().add("x"));
        @SuppressWarnings("unchecked")
        Map<String, Object> innerData = (Map<String, Object>) m.payload().get("data");
        assertThrows(UnsupportedOperationException.class, () -> innerData.put("x", 1));
        @SuppressWarnings("unchecked")
        List<Object> innerList = (List<Object>) innerData.get("utterances");
        assertThrows(UnsupportedOperationException.class, () -> innerList.add("x"));
    }

    @Test
    void keyOrderIsKept() {
        HiveMessage m = HiveMessage.builder(MessageType.PING).payload(JsonValues.object("z", 1, "a", 2, "m", 3)).build();
        assertEquals(List.of("z", "a", "m"), new ArrayList<>(m.payload().keySet()));
    }

    @Test
    void binaryMessagesOwnACopyOfTheirBytes() {
        byte[] bytes = {1, 2, 3};
        HiveMessage m = HiveMessage.binary(BinaryPayloadType.RAW_AUDIO, bytes, Map.of("sample_rate", 16000));
        bytes[0] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, m.binaryPayload());
        m.binaryPayload()[1] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, m.binaryPayload());
        assertEquals(BinaryPayloadType.RAW_AUDIO, m.binaryType());
        assertEquals(Map.of(), m.payload());
    }

    @Test
    void builderRulesForBinary() {
        assertThrows(IllegalArgumentException.class, () -> HiveMessage.builder(MessageType.BINARY).build());
        assertThrows(IllegalArgumentException.class,
                () -> HiveMessage.builder(MessageType.BUS).binaryPayload(BinaryPayloadType.UNDEFINED, new byte[1]).build());
        assertEquals(BinaryPayloadType.UNDEFINED,
                HiveMessage.builder(MessageType.BINARY).binaryPayload(null, new byte[0]).build().binaryType());
        assertThrows(IllegalStateException.class, () -> HiveMessage.builder(MessageType.BUS).build().binaryPayload());
        assertThrows(NullPointerException.class, () -> HiveMessage.builder(null));
    }

    @Test
    void nonJsonValuesAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> HiveMessage.builder(MessageType.BUS).payload(Map.of("x", new Object())).build());
        assertThrows(IllegalArgumentException.class,
                () -> HiveMessage.builder(MessageType.BUS).payload(Map.of("x", Double.NaN)).build());
        assertThrows(IllegalArgumentException.class,
                () -> HiveMessage.builder(MessageType.BUS).metadata(Map.of("x", Float.POSITIVE_INFINITY)).build());
        Map<Object, Object> intKey = new HashMap<>();
        intKey.put(1, "x");
        assertThrows(IllegalArgumentException.class,
                () -> HiveMessage.builder(MessageType.BUS).payload(Map.of("x", intKey)).build());
        HiveMessage ok = HiveMessage.builder(MessageType.BUS).payload(JsonValues.object("i", 1, "l", 2L,
                "b", BigInteger.TEN, "d", 0.5, "bd", BigDecimal.ONE, "n", null, "t", true)).build();
        assertEquals(7, ok.payload().size());
    }

    @Test
    void busMessageType() {
        assertEquals("speak", HiveMessage.bus("speak", null, null).busMessageType());
        assertEquals(JsonValues.object("type", "speak", "data", Map.of(), "context", Map.of()),
                HiveMessage.bus("speak", null, null).payload());
        assertThrows(ProtocolViolationException.class,
                () -> HiveMessage.builder(MessageType.BUS).payload(Map.of("type", 3)).build().busMessageType());
        assertThrows(ProtocolViolationException.class, () -> HiveMessage.builder(MessageType.SHARED_BUS).build().busMessageType());
        assertThrows(IllegalStateException.class, () -> HiveMessage.builder(MessageType.PING).build().busMessageType());
    }

    @Test
    void equalityToBuilderAndWithSourcePeer() {
        HiveMessage a = HiveMessage.builder(MessageType.HELLO).payload(Map.of("k", "v")).node("n").targetSiteId("s")
                .targetPubkey("p").sourcePeer("sp").metadata(Map.of("m", 1)).route(List.of()).build();
        HiveMessage b = a.toBuilder().build();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        HiveMessage c = a.withSourcePeer("other");
        assertEquals("other", c.sourcePeer());
        assertEquals("sp", a.sourcePeer());
        assertNotEquals(a, c);
        HiveMessage bin1 = HiveMessage.binary(BinaryPayloadType.FILE, new byte[] {1}, null);
        HiveMessage bin2 = HiveMessage.binary(BinaryPayloadType.FILE, new byte[] {1}, null);
        assertEquals(bin1, bin2);
        assertNotEquals(bin1, HiveMessage.binary(BinaryPayloadType.FILE, new byte[] {2}, null));
        assertEquals(bin1, bin1.toBuilder().build());
        assertNull(HiveMessage.builder(MessageType.PING).build().node());
    }

    @Test
    void toStringNeverShowsPayloadContents() {
        HiveMessage m = HiveMessage.bus("speak", Map.of("utterance", "my password is hunter2"), Map.of());
        assertFalse(m.toString().contains("hunter2"), m.toString());
        assertTrue(m.toString().contains("bus"));
        HiveMessage bin = HiveMessage.binary(BinaryPayloadType.TTS_AUDIO, new byte[] {42, 42}, Map.of());
        assertTrue(bin.toString().contains("2 bytes"), bin.toString());
    }

    @Test
    void jsonValuesObjectNeedsPairs() {
        assertThrows(IllegalArgumentException.class, () -> JsonValues.object("a"));
        assertEquals(List.of(1), JsonValues.immutableCopy(List.of(1)));
    }
}
