package dev.hivemind.api.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.error.CloseCode;
import dev.hivemind.api.error.ProtocolViolationException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WireEnumsTest {

    @ParameterizedTest(name = "{0} is \"{1}\" with code {2}")
    @CsvSource({
            "HANDSHAKE, shake, 0", "BUS, bus, 1", "SHARED_BUS, shared_bus, 2", "BROADCAST, broadcast, 3",
            "PROPAGATE, propagate, 4", "ESCALATE, escalate, 5", "HELLO, hello, 6", "QUERY, query, 7",
            "CASCADE, cascade, 8", "PING, ping, 9", "RENDEZVOUS, rendezvous, 10", "THIRDPRTY, 3rdparty, 11",
            "BINARY, bin, 12", "INTERCOM, intercom, -1"})
    void messageTypeWireStringsAndCodes(MessageType type, String wire, int code) {
        assertEquals(wire, type.wireName());
        assertEquals(code < 0 ? OptionalInt.empty() : OptionalInt.of(code), type.binaryCode());
        assertEquals(type, MessageType.fromWire(wire));
        assertEquals(Optional.of(type), MessageType.lookup(wire));
        if (code >= 0) {
            assertEquals(Optional.of(type), MessageType.fromBinaryCode(code));
        }
    }

    @Test
    void thereAreFourteenMessageTypes() {
        assertEquals(14, MessageType.values().length);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 13, 14, 20, 31, 32})
    void unassignedBinaryCodesMapToNothing(int code) {
        assertEquals(Optional.empty(), MessageType.fromBinaryCode(code));
    }

    @Test
    void unknownWireStringsAreProtocolViolationsNamingThem() {
        ProtocolViolationException e = assertThrows(ProtocolViolationException.class, () -> MessageType.fromWire("BUS"));
        assertEquals("unknown msg_type", e.reason());
        assertTrue(e.getMessage().contains("\"BUS\""), e.getMessage());
        assertEquals(CloseCode.PROTOCOL_ERROR, e.closeCode());
        ProtocolViolationException longName = assertThrows(ProtocolViolationException.class,
                () -> MessageType.fromWire("x".repeat(500)));
        assertTrue(longName.getMessage().length() < 100, "long names are cut: " + longName.getMessage());
        assertTrue(assertThrows(ProtocolViolationException.class, () -> MessageType.fromWire(null)).getMessage()
                .contains("null"));
        assertEquals(Optional.empty(), MessageType.lookup("intercom "));
    }

    @Test
    void wrappingTypes() {
        EnumSet<MessageType> wrapping = EnumSet.noneOf(MessageType.class);
        for (MessageType t : MessageType.values()) {
            if (t.wrapsMessage()) {
                wrapping.add(t);
            }
        }
        assertEquals(EnumSet.of(MessageType.BROADCAST, MessageType.PROPAGATE, MessageType.ESCALATE, MessageType.QUERY,
                MessageType.CASCADE), wrapping);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"UNDEFINED, 0", "RAW_AUDIO, 1", "NUMPY_IMAGE, 2", "FILE, 3", "STT_AUDIO_TRANSCRIBE, 4",
            "STT_AUDIO_HANDLE, 5", "TTS_AUDIO, 6"})
    void binaryPayloadTypeCodes(BinaryPayloadType type, int code) {
        assertEquals(code, type.code());
        assertEquals(Optional.of(type), BinaryPayloadType.fromCode(code));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 7, 8, 15, 16})
    void unassignedBinaryPayloadTypes(int code) {
        assertEquals(Optional.empty(), BinaryPayloadType.fromCode(code));
    }

    @Test
    void cipherSuiteNamesNoncesAndKeys() {
        assertEquals("AES-GCM", CipherSuite.AES_GCM.wireName());
        assertEquals("CHACHA20-POLY1305", CipherSuite.CHACHA20_POLY1305.wireName());
        assertEquals(16, CipherSuite.AES_GCM.nonceBytes());
        assertEquals(12, CipherSuite.CHACHA20_POLY1305.nonceBytes());
        assertEquals(16, CipherSuite.TAG_BYTES);
        for (int len = 0; len <= 64; len++) {
            assertEquals(len == 16 || len == 24 || len == 32, CipherSuite.AES_GCM.acceptsKeyLength(len), "AES " + len);
            assertEquals(len == 32, CipherSuite.CHACHA20_POLY1305.acceptsKeyLength(len), "ChaCha " + len);
        }
        assertEquals(Optional.of(CipherSuite.AES_GCM), CipherSuite.fromWire("AES-GCM"));
        assertEquals(Optional.empty(), CipherSuite.fromWire("aes-gcm"));
        assertEquals(Optional.empty(), CipherSuite.fromWire("AES_GCM"));
        assertEquals(Optional.empty(), CipherSuite.fromWire(null));
    }

    @Test
    void textEncodingNamesInThePythonClientsEnumOrder() {
        assertEquals(List.of("JSON-B91", "JSON-Z85B", "JSON-Z85P", "JSON-B64", "JSON-URLSAFE-B64", "JSON-B32", "JSON-HEX"),
                Arrays.stream(TextEncoding.values()).map(TextEncoding::wireName).toList());
        for (TextEncoding e : TextEncoding.values()) {
            assertEquals(Optional.of(e), TextEncoding.fromWire(e.wireName()));
        }
        assertEquals(Optional.empty(), TextEncoding.fromWire("json-hex"));
        assertEquals(Optional.empty(), TextEncoding.fromWire("JSON-B85"));
    }

    @Test
    void protocolVersions() {
        assertEquals(List.of(0, 1, 2), Arrays.stream(ProtocolVersion.values()).map(ProtocolVersion::number).toList());
        assertEquals(Optional.of(ProtocolVersion.ONE), ProtocolVersion.of(1));
        assertEquals(Optional.empty(), ProtocolVersion.of(3));
        assertEquals(ProtocolVersion.ZERO, ProtocolVersion.lowest());
        assertEquals(ProtocolVersion.TWO, ProtocolVersion.highest());
        assertFalse(ProtocolVersion.of(-1).isPresent());
    }
}
