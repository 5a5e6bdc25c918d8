package dev.hivemind.engine.codec.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hivemind.api.auth.SessionKey;
import dev.hivemind.api.handshake.ClientHandshake;
import dev.hivemind.api.handshake.HandshakeOffer;
import dev.hivemind.api.handshake.HandshakeResponse;
import dev.hivemind.api.handshake.ServerHello;
import dev.hivemind.api.wire.CipherSuite;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.JsonValues;
import dev.hivemind.api.wire.MessageType;
import dev.hivemind.api.wire.TextEncoding;
import dev.hivemind.engine.crypto.FixedNonceSource;
import dev.hivemind.engine.crypto.SessionCrypto;
import dev.hivemind.engine.vectors.VectorFiles;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The password-mode transcript of handshake_transcript.json as golden JSON fixtures for the api's payload records. */
class HandshakeTranscriptTest {
    private static final Map<String, Object> V = VectorFiles.load("hivemind/handshake_transcript.json");
    private static final List<String> SERVER_ENCODINGS = List.of("JSON-B64", "JSON-URLSAFE-B64", "JSON-B91", "JSON-Z85B",
            "JSON-Z85P", "JSON-B32", "JSON-HEX");
    private static final List<String> CLIENT_ENCODINGS = List.of("JSON-B91", "JSON-Z85B", "JSON-Z85P", "JSON-B64",
            "JSON-URLSAFE-B64", "JSON-B32", "JSON-HEX");
    private static final String FIRST_FRAME = "first_encrypted_client_frame_AES-GCM_JSON-B91_nonce_000102..0f";

    private final HiveMessageCodec codec = new HiveMessageCodec(HiveJson.withDefaults());

    private static HiveMessage shake(Map<String, Object> payload) {
        return HiveMessage.builder(MessageType.HANDSHAKE).payload(payload).build();
    }

    @Test
    void serverHandshakeOffer() {
        HandshakeOffer offer = new HandshakeOffer(false, 0, 1, false, true, true, true, SERVER_ENCODINGS,
                List.of("CHACHA20-POLY1305", "AES-GCM"), Map.of());
        String recorded = VectorFiles.str(V, "server_handshake_request");
        assertEquals(recorded, codec.serialize(shake(offer.toPayload())));
        assertEquals(offer, HandshakeOffer.fromPayload(codec.parse(recorded).payload()));
    }

    @Test
    void clientHandshakeWithPasswordEnvelope() {
        ClientHandshake client = new ClientHandshake(false, CLIENT_ENCODINGS, List.of("AES-GCM", "CHACHA20-POLY1305"),
                Map.of(ClientHandshake.ENVELOPE, "00010203040506071166db25cd317c777cc4db0b616e8eb4"));
        String recorded = VectorFiles.str(V, "client_handshake");
        assertEquals(recorded, codec.serialize(shake(client.toPayload())));
        assertEquals(client, ClientHandshake.fromPayload(codec.parse(recorded).payload()));
    }

    @Test
    void serverHandshakeResponse() {
        HandshakeResponse response = new HandshakeResponse(
                Map.of(HandshakeResponse.ENVELOPE, "f0e1d2c3b4a59687e9cdbbd530f7c6f778d0e361e41007a1"), "JSON-B91", "AES-GCM");
        String recorded = VectorFiles.str(V, "server_handshake_response");
        assertEquals(recorded, codec.serialize(shake(response.toPayload())));
        HandshakeResponse parsed = HandshakeResponse.fromPayload(codec.parse(recorded).payload());
        assertEquals(response, parsed);
        assertEquals(true, HandshakeResponse.isResponse(codec.parse(recorded).payload()));
        assertEquals(false, HandshakeResponse.isResponse(codec.parse(VectorFiles.str(V, "server_handshake_request")).payload()));
    }

    @Test
    void serverHelloExample() {
        Map<String, Object> example = VectorFiles.object(V, "server_hello_example");
        @SuppressWarnings("unchecked")
        ServerHello hello = ServerHello.fromPayload((Map<String, Object>) example.get("payload"));
        HiveMessage m = HiveMessage.builder(MessageType.HELLO).payload(hello.toPayload()).build();
        assertEquals(codec.serialize(codec.fromWire(example)), codec.serialize(m));
        assertEquals(example, codec.toWire(m));
    }

    @Test
    void firstEncryptedClientFrameDecryptsToItsPlaintext() {
        try (SessionCrypto crypto = session()) {
            byte[] plaintext = crypto.openText(VectorFiles.str(V, FIRST_FRAME), TextEncoding.JSON_B91);
            assertEquals(VectorFiles.str(V, "its_plaintext"), new String(plaintext, StandardCharsets.UTF_8));
        }
    }

    @Test
    void theSameFrameUnderJsonB64DecryptsToo() {
        try (SessionCrypto crypto = session()) {
            byte[] plaintext = crypto.openText(VectorFiles.str(V, "same_frame_had_JSON-B64_been_negotiated"),
                    TextEncoding.JSON_B64);
            assertEquals(VectorFiles.str(V, "its_plaintext"), new String(plaintext, StandardCharsets.UTF_8));
        }
    }

    @Test
    void buildingTheFirstFrameFromTheBusMessageGivesTheRecordedText() {
        HiveMessage bus = HiveMessage.bus("recognizer_loop:utterance",
                JsonValues.object("utterances", List.of("what time is it"), "lang", "en-us"),
                JsonValues.object("source", "HiveMessageBusClientV0.0.1", "destination", "HiveMind"));
        String plaintext = VectorFiles.str(V, "its_plaintext");
        assertEquals(plaintext, codec.serialize(bus));
        assertEquals(bus, codec.parse(plaintext));
        try (SessionCrypto crypto = session()) {
            assertEquals(VectorFiles.str(V, FIRST_FRAME),
                    crypto.sealText(codec.serialize(bus).getBytes(StandardCharsets.UTF_8), TextEncoding.JSON_B91));
        }
    }

    private static SessionCrypto session() {
        return new SessionCrypto(SessionKey.copyOf(VectorFiles.hex(V, "session_key_hex")), CipherSuite.AES_GCM,
                new FixedNonceSource(VectorFiles.hex("000102030405060708090a0b0c0d0e0f")), null);
    }
}
