package dev.hivemind.dist.wiring;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.transport.Frame;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.JsonValues;
import dev.hivemind.api.wire.MessageType;
import dev.hivemind.auth.password.HsubCodec;
import dev.hivemind.engine.tck.EngineFixtures;
import dev.hivemind.engine.tck.RawPeer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;

/** Frames an attacker writes by hand, in clear. */
final class RawHandshakes {
    private RawHandshakes() {
    }

    /** Reads the hub's HELLO and HANDSHAKE offer. */
    static void readHelloAndOffer(RawPeer peer) throws InterruptedException {
        assertTrue(peer.nextText().contains("\"hello\""), "HELLO first");
        assertTrue(peer.nextText().contains("\"shake\""), "then the offer");
    }

    /** A client HELLO in clear, as a raw WebSocket could send it. */
    static Frame plaintextHello() {
        return text(HiveMessage.builder(MessageType.HELLO)
                .payload(JsonValues.object("session", JsonValues.object("session_id", "x"))).build());
    }

    /** A valid password HANDSHAKE for {@code password}, in clear. */
    static Frame passwordHandshake(String password) {
        byte[] iv = new byte[HsubCodec.IV_BYTES];
        new SecureRandom().nextBytes(iv);
        String envelope = HsubCodec.toHex(HsubCodec.create(password.getBytes(StandardCharsets.UTF_8), iv,
                HsubCodec.GENERATED_HEX_CHARS));
        return handshake("envelope", envelope);
    }

    /** An RSA HANDSHAKE presenting {@code publicPem}, in clear. */
    static Frame rsaHandshake(String publicPem) {
        return handshake("pubkey", publicPem);
    }

    private static Frame handshake(String field, String value) {
        return text(HiveMessage.builder(MessageType.HANDSHAKE).payload(JsonValues.object("binarize", false,
                "encodings", List.of("JSON-HEX"), "ciphers", List.of("AES-GCM"), field, value)).build());
    }

    private static Frame text(HiveMessage message) {
        return Frame.text(EngineFixtures.messages().serialize(message));
    }
}
