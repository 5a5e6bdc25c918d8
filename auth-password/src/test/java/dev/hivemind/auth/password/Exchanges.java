package dev.hivemind.auth.password;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.hivemind.api.auth.AuthStep;
import dev.hivemind.api.auth.ClientStart;
import dev.hivemind.api.handshake.ClientHandshake;
import dev.hivemind.api.handshake.HandshakeOffer;
import dev.hivemind.api.handshake.HandshakeResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** Builders for handshake payloads and a bounded wait for exchange results. */
final class Exchanges {
    static final List<String> ENCODINGS = List.of("JSON-B91", "JSON-HEX");
    static final List<String> CIPHERS = List.of("AES-GCM", "CHACHA20-POLY1305");

    private Exchanges() {
    }

    static HandshakeOffer offer(boolean password, boolean presharedKey) {
        return new HandshakeOffer(!presharedKey, 0, 1, false, presharedKey, password, true,
                List.of("JSON-B64", "JSON-HEX"), List.of("CHACHA20-POLY1305", "AES-GCM"), Map.of());
    }

    /** A client HANDSHAKE whose {@code envelope} field holds {@code envelope} (any JSON value, or null). */
    static ClientHandshake clientHandshake(Object envelope) {
        Map<String, Object> auth = new LinkedHashMap<>();
        auth.put(ClientHandshake.ENVELOPE, envelope);
        return new ClientHandshake(false, ENCODINGS, CIPHERS, auth);
    }

    static ClientHandshake clientHandshake(ClientStart start) {
        ClientStart.SendHandshake send = assertInstanceOf(ClientStart.SendHandshake.class, start);
        return new ClientHandshake(false, ENCODINGS, CIPHERS, send.authFields());
    }

    static HandshakeResponse response(Object envelope) {
        Map<String, Object> auth = new LinkedHashMap<>();
        auth.put(HandshakeResponse.ENVELOPE, envelope);
        return new HandshakeResponse(auth, "JSON-B91", "AES-GCM");
    }

    static HandshakeResponse response(AuthStep.Succeeded serverStep) {
        return new HandshakeResponse(serverStep.responseFields(), "JSON-B91", "AES-GCM");
    }

    /** Waits (as a safety net only) for an exchange step. */
    static AuthStep await(CompletionStage<AuthStep> stage) throws Exception {
        return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
