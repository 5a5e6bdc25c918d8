package dev.hivemind.api.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.error.ProtocolViolationException;
import dev.hivemind.api.wire.JsonValues;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HandshakePayloadsTest {

    static Stream<Arguments> typeErrors() {
        Function<Map<String, Object>, Object> offer = HandshakeOffer::fromPayload;
        Function<Map<String, Object>, Object> client = ClientHandshake::fromPayload;
        Function<Map<String, Object>, Object> response = HandshakeResponse::fromPayload;
        Function<Map<String, Object>, Object> serverHello = ServerHello::fromPayload;
        Function<Map<String, Object>, Object> clientHello = ClientHello::fromPayload;
        return Stream.of(
                Arguments.of("offer", offer, "handshake", "yes", "must be a boolean"),
                Arguments.of("offer", offer, "binarize", 1, "must be a boolean"),
                Arguments.of("offer", offer, "crypto_required", "true", "must be a boolean"),
                Arguments.of("offer", offer, "min_protocol_version", "0", "must be an integer"),
                Arguments.of("offer", offer, "max_protocol_version", 1.0, "must be an integer"),
                Arguments.of("offer", offer, "max_protocol_version", BigInteger.TWO.pow(70), "is out of range"),
                Arguments.of("offer", offer, "max_protocol_version", 1L << 40, "must be an integer"),
                Arguments.of("offer", offer, "encodings", "JSON-HEX", "must be a list of strings"),
                Arguments.of("offer", offer, "ciphers", List.of("AES-GCM", 3), "must be a list of strings"),
                Arguments.of("client", client, "binarize", "false", "must be a boolean"),
                Arguments.of("client", client, "encodings", Map.of(), "must be a list of strings"),
                Arguments.of("client", client, "ciphers", List.of(List.of()), "must be a list of strings"),
                Arguments.of("response", response, "encoding", 7, "must be a string"),
                Arguments.of("response", response, "cipher", List.of("AES-GCM"), "must be a string"),
                Arguments.of("server hello", serverHello, "pubkey", 1, "must be a string"),
                Arguments.of("server hello", serverHello, "node_id", true, "must be a string"),
                Arguments.of("client hello", clientHello, "session", "id", "must be an object"),
                Arguments.of("client hello", clientHello, "site_id", Map.of(), "must be a string"));
    }

    @ParameterizedTest(name = "{0}: {2} = {3}")
    @MethodSource("typeErrors")
    void illTypedFieldsAreProtocolViolationsNamingTheField(String record, Function<Map<String, Object>, Object> reader,
            String field, Object value, String problem) {
        Map<String, Object> payload = new HashMap<>();
        payload.put(field, value);
        ProtocolViolationException e = assertThrows(ProtocolViolationException.class, () -> reader.apply(payload));
        assertEquals("malformed handshake payload", e.reason());
        assertTrue(e.getMessage().contains("\"" + field + "\" " + problem), e.getMessage());
        if (value instanceof String text) {
            assertFalse(e.getMessage().contains(text), "the value is not echoed: " + e.getMessage());
        }
    }

    @Test
    void offerDefaultsMatchWhatHivemindCoreAlwaysSends() {
        HandshakeOffer o = HandshakeOffer.fromPayload(Map.of());
        assertFalse(o.handshake());
        assertEquals(0, o.minProtocolVersion());
        assertEquals(1, o.maxProtocolVersion());
        assertFalse(o.cryptoRequired());
        assertEquals(List.of(), o.encodings());
        assertEquals(Map.of(), o.extraFlags());
    }

    @Test
    void offerKeepsWireOrderAndExtraBooleanFlags() {
        HandshakeOffer o = new HandshakeOffer(true, 1, 2, true, false, true, true, List.of("JSON-HEX"), List.of("AES-GCM"),
                JsonValues.object("noise", true));
        assertEquals(List.of("handshake", "min_protocol_version", "max_protocol_version", "binarize", "preshared_key",
                "password", "crypto_required", "encodings", "ciphers", "noise"), new ArrayList<>(o.toPayload().keySet()));
        assertEquals(o, HandshakeOffer.fromPayload(o.toPayload()));
        assertTrue(o.flag("noise"));
        assertTrue(o.flag("password"));
        assertFalse(o.flag("preshared_key"));
        assertFalse(o.flag("unknown"));
        Map<String, Object> withNonBoolean = new HashMap<>(o.toPayload());
        withNonBoolean.put("note", "text");
        assertFalse(HandshakeOffer.fromPayload(withNonBoolean).extraFlags().containsKey("note"));
    }

    @Test
    void clientHandshakeSplitsAuthFields() {
        ClientHandshake c = ClientHandshake.fromPayload(JsonValues.object("binarize", true, "encodings", List.of("JSON-HEX"),
                "ciphers", List.of("AES-GCM"), "envelope", "00ff", "ignored", null));
        assertEquals(Boolean.TRUE, c.binarize());
        assertEquals(Optional.of("00ff"), c.authField(ClientHandshake.ENVELOPE));
        assertEquals(Map.of("envelope", "00ff"), c.authFields());
        assertEquals(List.of("binarize", "encodings", "ciphers", "envelope"), new ArrayList<>(c.toPayload().keySet()));
        ClientHandshake rsa = ClientHandshake.fromPayload(JsonValues.object("pubkey", "PEM"));
        assertNull(rsa.binarize());
        assertFalse(rsa.toPayload().containsKey("binarize"));
        assertEquals(Optional.of("PEM"), rsa.authField(ClientHandshake.PUBKEY));
        assertThrows(UnsupportedOperationException.class, () -> rsa.encodings().add("x"));
    }

    @Test
    void responseIsRecognisedByItsEnvelope() {
        assertTrue(HandshakeResponse.isResponse(Map.of("envelope", "x")));
        assertFalse(HandshakeResponse.isResponse(Map.of("handshake", true)));
        HandshakeResponse r = HandshakeResponse.fromPayload(JsonValues.object("envelope", "e", "encoding", "JSON-B91"));
        assertEquals(Optional.of("e"), r.envelope());
        assertEquals("JSON-B91", r.encoding());
        assertNull(r.cipher());
        assertEquals(List.of("envelope", "encoding"), new ArrayList<>(r.toPayload().keySet()));
        assertEquals(Optional.empty(), HandshakeResponse.fromPayload(Map.of("envelope", 5)).envelope());
    }

    @Test
    void hellos() {
        ServerHello s = ServerHello.fromPayload(Map.of());
        assertNull(s.pubkey());
        assertEquals(List.of("pubkey", "peer", "node_id"),
                new ArrayList<>(new ServerHello("k", "p", "n").toPayload().keySet()));
        ClientHello c = ClientHello.fromPayload(JsonValues.object("session", Map.of("session_id", "abc"), "site_id", "kitchen"));
        assertEquals("abc", c.sessionId());
        assertEquals("kitchen", c.siteId());
        assertNull(ClientHello.fromPayload(Map.of()).sessionId());
        assertNull(ClientHello.fromPayload(Map.of("session", Map.of("session_id", 5))).sessionId());
        assertEquals(List.of("pubkey", "session", "site_id"), new ArrayList<>(c.toPayload().keySet()));
    }

    @Test
    void payloadFieldsHelpers() {
        assertEquals("x", PayloadFields.requireString(Map.of("f", "x"), "f"));
        ProtocolViolationException missing = assertThrows(ProtocolViolationException.class,
                () -> PayloadFields.requireString(Map.of(), "f"));
        assertTrue(missing.getMessage().contains("\"f\" is missing"));
        assertEquals(5, PayloadFields.integer(Map.of("n", 5L), "n", 0));
        assertEquals(7, PayloadFields.integer(Map.of(), "n", 7));
        assertTrue(PayloadFields.bool(Map.of(), "b", true));
        assertEquals(Map.of(), PayloadFields.object(Map.of(), "o"));
    }
}
