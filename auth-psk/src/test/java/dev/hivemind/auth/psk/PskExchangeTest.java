package dev.hivemind.auth.psk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.auth.AuthStep;
import dev.hivemind.api.auth.ClientAuthExchange;
import dev.hivemind.api.auth.ClientStart;
import dev.hivemind.api.auth.ServerAuthExchange;
import dev.hivemind.api.auth.SessionKey;
import dev.hivemind.api.error.AuthenticationException;
import dev.hivemind.api.error.ProtocolViolationException;
import dev.hivemind.api.handshake.ClientHandshake;
import dev.hivemind.api.handshake.HandshakeOffer;
import dev.hivemind.api.handshake.HandshakeResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Server and client sides of the pre-shared key mode, against each other. */
class PskExchangeTest {
    private static final String KEY = "6e9941197be7f949";
    private final PskServerAuthFactory serverHalf = new PskServerAuthFactory(new RecordingLogger());
    private final PskClientAuthFactory clientHalf = new PskClientAuthFactory(new RecordingLogger());

    private static HandshakeOffer offer(boolean presharedKey, boolean password) {
        return new HandshakeOffer(!presharedKey, 0, 1, false, presharedKey, password, true, List.of("JSON-HEX"),
                List.of("AES-GCM"), Map.of());
    }

    @Test
    void bothSidesHoldTheSameKeyWithoutAHandshake() {
        try (ServerAuthExchange server = serverHalf.newExchange(TestContexts.server(7, KEY));
                ClientAuthExchange client = clientHalf.newExchange(TestContexts.client(KEY))) {
            SessionKey serverKey = server.keyBeforeHandshake().orElseThrow();
            ClientStart.KeyReady ready = assertInstanceOf(ClientStart.KeyReady.class, client.start(offer(true, false)));
            assertArrayEquals(KEY.getBytes(StandardCharsets.UTF_8), serverKey.bytes());
            assertArrayEquals(serverKey.bytes(), ready.key().bytes());

            server.close();
            client.close();
            assertEquals(16, serverKey.bytes().length, "handed-out keys survive the exchange");
            assertArrayEquals(KEY.getBytes(StandardCharsets.UTF_8), ready.key().bytes());
        }
    }

    @Test
    void clientAcceptsAnOfferThatAlsoAdvertisesPassword() {
        try (ClientAuthExchange client = clientHalf.newExchange(TestContexts.client(KEY))) {
            assertInstanceOf(ClientStart.KeyReady.class, client.start(offer(true, true)));
        }
    }

    @Test
    void clientRefusesAnOfferWithoutPresharedKey() {
        try (ClientAuthExchange client = clientHalf.newExchange(TestContexts.client(KEY))) {
            AuthenticationException e = assertThrows(AuthenticationException.class, () -> client.start(offer(false, true)));
            assertTrue(e.getMessage().startsWith("downgrade"), e.getMessage());
            assertEquals(AuthenticationException.REASON, e.reason());
        }
    }

    @Test
    void aClientHandshakeIsNeverValidForPsk() throws Exception {
        try (ServerAuthExchange server = serverHalf.newExchange(TestContexts.server(7, KEY))) {
            ClientHandshake handshake = new ClientHandshake(false, List.of("JSON-HEX"), List.of("AES-GCM"),
                    Map.of("envelope", "00".repeat(24)));
            AuthStep.Failed failed = assertInstanceOf(AuthStep.Failed.class,
                    server.onClientHandshake(handshake).toCompletableFuture().get(10, TimeUnit.SECONDS));
            assertInstanceOf(ProtocolViolationException.class, failed.error());
        }
    }

    @Test
    void aServerResponseIsNeverValidForPsk() throws Exception {
        try (ClientAuthExchange client = clientHalf.newExchange(TestContexts.client(KEY))) {
            client.start(offer(true, false));
            AuthStep.Failed failed = assertInstanceOf(AuthStep.Failed.class, client.onServerResponse(
                    new HandshakeResponse(Map.of("envelope", "00".repeat(24)), "JSON-HEX", "AES-GCM"))
                    .toCompletableFuture().get(10, TimeUnit.SECONDS));
            assertInstanceOf(ProtocolViolationException.class, failed.error());
        }
    }
}
