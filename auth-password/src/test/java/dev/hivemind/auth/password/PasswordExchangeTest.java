package dev.hivemind.auth.password;

import static dev.hivemind.auth.password.Exchanges.await;
import static dev.hivemind.auth.password.Exchanges.clientHandshake;
import static dev.hivemind.auth.password.Exchanges.offer;
import static dev.hivemind.auth.password.Exchanges.response;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hivemind.api.auth.AuthStep;
import dev.hivemind.api.auth.ClientStart;
import dev.hivemind.api.auth.SessionKey;
import dev.hivemind.api.error.AuthenticationException;
import dev.hivemind.api.error.CloseCode;
import dev.hivemind.api.error.HiveMindException;
import dev.hivemind.api.error.InternalHiveMindException;
import dev.hivemind.api.error.ProtocolViolationException;
import dev.hivemind.api.error.ServerBusyException;
import dev.hivemind.api.handshake.ClientHandshake;
import dev.hivemind.api.handshake.HandshakeResponse;
import dev.hivemind.api.registry.ClientRecord;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The password exchanges end to end (server exchange ↔ client exchange through real worker pools), the Python
 * transcript, and the adversarial cases of SECURITY.md T14–T17 and T23.
 */
class PasswordExchangeTest {
    private static final JsonNode V = Vectors.passwordHandshake();
    private static final String PASSWORD = V.get("password_utf8").asText();
    private static final String WRONG = V.get("negative").get("password").asText();
    private static final String CLIENT_ENVELOPE = V.get("client_envelope").asText();
    private static final String SERVER_ENVELOPE = V.get("server_envelope").asText();
    private static final byte[] CLIENT_IV = Vectors.hex(V.get("client_iv_hex"));
    private static final byte[] SERVER_IV = Vectors.hex(V.get("server_iv_hex"));
    private static final byte[] SESSION_KEY = Vectors.hex(V.get("session_key_hex"));

    private final WorkerPool serverPool = new WorkerPool();
    private final WorkerPool clientPool = new WorkerPool();

    @AfterEach
    void closePools() {
        serverPool.close();
        clientPool.close();
    }

    private PasswordServerExchange server(String password, SecureRandom random) {
        return new PasswordServerExchange(TestServerContext.of(password, random, serverPool));
    }

    private PasswordClientExchange client(String password, SecureRandom random) {
        return new PasswordClientExchange(TestClientContext.of(password, random, clientPool));
    }

    // ---- successful runs ----

    @Test
    void reproducesThePythonTranscriptAndBothSidesAgreeOnItsKey() throws Exception {
        try (PasswordClientExchange client = client(PASSWORD, new FixedSecureRandom(CLIENT_IV));
                PasswordServerExchange server = server(PASSWORD, new FixedSecureRandom(SERVER_IV))) {
            ClientStart start = client.start(offer(true, true));
            assertEquals(Map.of("envelope", CLIENT_ENVELOPE), ((ClientStart.SendHandshake) start).authFields());

            AuthStep.Succeeded serverStep = assertInstanceOf(AuthStep.Succeeded.class,
                    await(server.onClientHandshake(clientHandshake(start))));
            assertEquals(Map.of("envelope", SERVER_ENVELOPE), serverStep.responseFields());
            assertArrayEquals(SESSION_KEY, serverStep.key().bytes());

            AuthStep.Succeeded clientStep = assertInstanceOf(AuthStep.Succeeded.class,
                    await(client.onServerResponse(response(serverStep))));
            assertEquals(Map.of(), clientStep.responseFields());
            assertArrayEquals(SESSION_KEY, clientStep.key().bytes());
            assertEquals(1, serverPool.submitted());
            assertEquals(1, clientPool.submitted());

            // T17: a second HANDSHAKE on the same connection is refused and costs no derivation
            assertFailed(ProtocolViolationException.class, server.onClientHandshake(clientHandshake(start)));
            assertFailed(ProtocolViolationException.class, client.onServerResponse(response(serverStep)));
            assertEquals(1, serverPool.submitted());
            assertEquals(1, clientPool.submitted());

            // keys handed out belong to the session: closing the exchanges does not touch them
            server.close();
            client.close();
            assertArrayEquals(SESSION_KEY, serverStep.key().bytes());
            assertArrayEquals(SESSION_KEY, clientStep.key().bytes());
        }
    }

    @Test
    void answersThePythonClientsHandshakeFrameAsThePythonServerDid() throws Exception {
        JsonNode transcript = Vectors.load("hivemind/handshake_transcript.json");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        Map<String, Object> clientPayload = json.convertValue(
                json.readTree(transcript.get("client_handshake").asText()).get("payload"),
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
        JsonNode serverPayload = json.readTree(transcript.get("server_handshake_response").asText()).get("payload");
        try (PasswordServerExchange server = server(PASSWORD, new FixedSecureRandom(SERVER_IV))) {
            AuthStep.Succeeded step = assertInstanceOf(AuthStep.Succeeded.class,
                    await(server.onClientHandshake(ClientHandshake.fromPayload(clientPayload))));
            assertEquals(serverPayload.get("envelope").asText(), step.responseFields().get("envelope"));
            assertEquals(Map.of("envelope", serverPayload.get("envelope").asText()), step.responseFields());
            assertArrayEquals(Vectors.hex(transcript.get("session_key_hex")), step.key().bytes());
        }
    }

    @Test
    void randomIvsAndANonAsciiPasswordGiveEqualKeys() throws Exception {
        String password = "pässwörd ✓ 密码 🐝";
        try (PasswordClientExchange client = client(password, new SecureRandom());
                PasswordServerExchange server = server(password, new SecureRandom())) {
            AuthStep.Succeeded serverStep = assertInstanceOf(AuthStep.Succeeded.class,
                    await(server.onClientHandshake(clientHandshake(client.start(offer(true, false))))));
            AuthStep.Succeeded clientStep = assertInstanceOf(AuthStep.Succeeded.class,
                    await(client.onServerResponse(response(serverStep))));
            SessionKey serverKey = serverStep.key();
            assertEquals(32, serverKey.length());
            assertArrayEquals(serverKey.bytes(), clientStep.key().bytes());
            assertFalse(java.util.Arrays.equals(SESSION_KEY, serverKey.bytes()));
        }
    }

    // ---- T14: wrong password ----

    @Test
    void serverRejectsAWrongPasswordBeforeAnyKeyDerivation() throws Exception {
        FixedSecureRandom serverRandom = new FixedSecureRandom(SERVER_IV);
        try (PasswordClientExchange client = client(WRONG, new FixedSecureRandom(CLIENT_IV));
                PasswordServerExchange server = server(PASSWORD, serverRandom)) {
            ClientHandshake handshake = clientHandshake(client.start(offer(true, false)));
            AuthenticationException error = assertFailed(AuthenticationException.class, server.onClientHandshake(handshake));
            assertEquals(AuthenticationException.REASON, error.reason());
            assertEquals(CloseCode.POLICY_VIOLATION, error.closeCode());
            assertEquals(0, serverPool.submitted(), "no PBKDF2 for a wrong password");
            assertEquals(0, serverRandom.draws(), "no server envelope for a wrong password");
            assertNoSecrets(error, PASSWORD, WRONG, (String) handshake.authFields().get("envelope"));
        }
    }

    @Test
    void clientRejectsAServerEnvelopeMadeWithAnotherPassword() throws Exception {
        try (PasswordClientExchange client = client(WRONG, new FixedSecureRandom(CLIENT_IV))) {
            client.start(offer(true, false));
            AuthenticationException error = assertFailed(AuthenticationException.class,
                    client.onServerResponse(response(SERVER_ENVELOPE)));
            assertEquals(0, clientPool.submitted());
            assertNoSecrets(error, PASSWORD, WRONG, SERVER_ENVELOPE);
        }
    }

    @Test
    void serverRejectsEveryOneBitChangeOfTheClientEnvelope() throws Exception {
        byte[] good = HexFormat.of().parseHex(CLIENT_ENVELOPE);
        for (int bit = HsubCodec.IV_BYTES * 8; bit < good.length * 8; bit++) {
            byte[] flipped = good.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            try (PasswordServerExchange server = server(PASSWORD, new FixedSecureRandom(SERVER_IV))) {
                assertFailed(AuthenticationException.class,
                        server.onClientHandshake(clientHandshake(HexFormat.of().formatHex(flipped))));
            }
        }
        assertEquals(0, serverPool.submitted());
    }

    // ---- T15: malformed envelopes ----

    static Stream<Arguments> malformedEnvelopes() {
        String good = V.get("client_envelope").asText();
        return Stream.of(
                Arguments.of("absent (null)", null),
                Arguments.of("a JSON number", 42),
                Arguments.of("a JSON boolean", true),
                Arguments.of("a JSON list", List.of(good)),
                Arguments.of("a JSON object", Map.of("envelope", good)),
                Arguments.of("empty string", ""),
                Arguments.of("46 hex characters", good.substring(0, 46)),
                Arguments.of("47 hex characters (odd, too short)", good.substring(0, 47)),
                Arguments.of("49 hex characters (odd)", good + "0"),
                Arguments.of("82 hex characters", good + "0".repeat(34)),
                Arguments.of("100 000 hex characters", "0".repeat(100_000)),
                Arguments.of("uppercase hex", good.toUpperCase(java.util.Locale.ROOT)),
                Arguments.of("one uppercase digit", "A" + good.substring(1)),
                Arguments.of("a non-hex letter", "g" + good.substring(1)),
                Arguments.of("leading space", " " + good.substring(1)),
                Arguments.of("0x prefix", "0x" + good.substring(2)),
                Arguments.of("Arabic-Indic digits", "\u0660\u0661" + good.substring(2)),
                Arguments.of("fullwidth digits", "\uff10\uff11" + good.substring(2)));
    }

    @ParameterizedTest(name = "server: {0}")
    @MethodSource("malformedEnvelopes")
    void serverRejectsMalformedEnvelopesWithoutLeakingThem(String label, Object envelope) throws Exception {
        try (PasswordServerExchange server = server(PASSWORD, new FixedSecureRandom(SERVER_IV))) {
            ProtocolViolationException error = assertFailed(ProtocolViolationException.class,
                    server.onClientHandshake(clientHandshake(envelope)));
            assertEquals("malformed password envelope", error.reason());
            assertNull(error.getCause(), "no JDK exception behind a malformed envelope");
            assertNoSecrets(error, PASSWORD, String.valueOf(envelope), "NumberFormat", "Exception");
            assertEquals(0, serverPool.submitted());
        }
    }

    @ParameterizedTest(name = "client: {0}")
    @MethodSource("malformedEnvelopes")
    void clientRejectsMalformedServerEnvelopes(String label, Object envelope) throws Exception {
        try (PasswordClientExchange client = client(PASSWORD, new FixedSecureRandom(CLIENT_IV))) {
            client.start(offer(true, false));
            ProtocolViolationException error = assertFailed(ProtocolViolationException.class,
                    client.onServerResponse(response(envelope)));
            assertNull(error.getCause());
            assertEquals(0, clientPool.submitted());
        }
    }

    // ---- T16: reflection ----

    @Test
    void clientRejectsItsOwnEnvelopeReflected() throws Exception {
        try (PasswordClientExchange client = client(PASSWORD, new FixedSecureRandom(CLIENT_IV))) {
            client.start(offer(true, false));
            assertFailed(AuthenticationException.class, client.onServerResponse(response(CLIENT_ENVELOPE)));
            assertEquals(0, clientPool.submitted());
        }
    }

    @Test
    void clientRejectsAValidLongEnvelopeWithItsOwnIv() throws Exception {
        String longForm = V.get("hsub_length_rules").get("long_form_80_of_client").asText();
        assertTrue(HsubCodec.matches(PASSWORD.getBytes(java.nio.charset.StandardCharsets.UTF_8), HsubCodec.parse(longForm)));
        try (PasswordClientExchange client = client(PASSWORD, new FixedSecureRandom(CLIENT_IV))) {
            client.start(offer(true, false));
            assertFailed(AuthenticationException.class, client.onServerResponse(response(longForm)));
            assertEquals(0, clientPool.submitted());
        }
    }

    @Test
    void serverNeverUsesAnIvEqualToTheClients() throws Exception {
        try (PasswordServerExchange server = server(PASSWORD, new FixedSecureRandom(CLIENT_IV))) {
            assertFailed(AuthenticationException.class, server.onClientHandshake(clientHandshake(CLIENT_ENVELOPE)));
            assertEquals(0, serverPool.submitted());
        }
    }

    // ---- T23: downgrade ----

    @Test
    void clientRefusesAnOfferWithoutPassword() {
        FixedSecureRandom random = new FixedSecureRandom(CLIENT_IV);
        try (PasswordClientExchange client = client(PASSWORD, random)) {
            AuthenticationException error = assertThrows(AuthenticationException.class,
                    () -> client.start(offer(false, true)));
            assertTrue(error.getMessage().startsWith("downgrade"), error.getMessage());
            assertEquals(AuthenticationException.REASON, error.reason());
            assertEquals(0, random.draws(), "no envelope is made for a refused offer");
        }
    }

    // ---- order and state ----

    @Test
    void clientRejectsASecondOfferAndAResponseBeforeItsHandshake() throws Exception {
        try (PasswordClientExchange client = client(PASSWORD, new FixedSecureRandom(CLIENT_IV))) {
            assertFailed(ProtocolViolationException.class, client.onServerResponse(response(SERVER_ENVELOPE)));
            client.start(offer(true, false));
            assertThrows(ProtocolViolationException.class, () -> client.start(offer(true, false)));
        }
    }

    @Test
    void clientResponseWithoutEnvelopeIsAProtocolViolation() throws Exception {
        try (PasswordClientExchange client = client(PASSWORD, new FixedSecureRandom(CLIENT_IV))) {
            client.start(offer(true, false));
            assertFailed(ProtocolViolationException.class,
                    client.onServerResponse(new HandshakeResponse(Map.of(), "JSON-HEX", "AES-GCM")));
        }
    }

    @Test
    void serverFailsForAClientWithoutPassword() throws Exception {
        ClientRecord pskOnly = ClientRecord.builder("key").clientId(2).name("psk-only").cryptoKey("0123456789abcdef")
                .build();
        TestServerContext context = new TestServerContext(pskOnly, pskOnly.credential(PasswordServerAuthFactory.NAME),
                new FixedSecureRandom(SERVER_IV), serverPool);
        try (PasswordServerExchange server = new PasswordServerExchange(context)) {
            assertFailed(AuthenticationException.class, server.onClientHandshake(clientHandshake(CLIENT_ENVELOPE)));
            assertEquals(0, serverPool.submitted());
        }
    }

    @Test
    void clientWithoutPasswordIsAConfigurationError() {
        TestClientContext context = new TestClientContext(
                new dev.hivemind.api.auth.ClientCredentials("key", null, "0123456789abcdef", Map.of()),
                new FixedSecureRandom(), clientPool);
        assertThrows(InternalHiveMindException.class, () -> new PasswordClientExchange(context));
    }

    // ---- worker pool ----

    @Test
    void aFullWorkerPoolFailsTheHandshakeAsServerBusy() throws Exception {
        CountDownLatch release = serverPool.block();
        try (PasswordServerExchange server = server(PASSWORD, new FixedSecureRandom(SERVER_IV))) {
            ServerBusyException error = assertFailed(ServerBusyException.class,
                    server.onClientHandshake(clientHandshake(CLIENT_ENVELOPE)));
            assertEquals(CloseCode.TRY_AGAIN_LATER, error.closeCode());
        } finally {
            release.countDown();
        }
    }

    @Test
    void closingDuringTheDerivationFailsTheStepAndKeepsNoKey() throws Exception {
        CountDownLatch gate = serverPool.holdNextTasks();
        PasswordServerExchange server = server(PASSWORD, new FixedSecureRandom(SERVER_IV));
        CompletionStage<AuthStep> pending = server.onClientHandshake(clientHandshake(CLIENT_ENVELOPE));
        server.close();
        gate.countDown();
        InternalHiveMindException error = assertFailed(InternalHiveMindException.class, pending);
        assertEquals("auth exchange closed", error.reason());
        assertEquals(1, serverPool.submitted());
    }

    // ---- helpers ----

    private static <E extends HiveMindException> E assertFailed(Class<E> type, CompletionStage<AuthStep> stage)
            throws Exception {
        AuthStep.Failed failed = assertInstanceOf(AuthStep.Failed.class, await(stage));
        return assertInstanceOf(type, failed.error());
    }

    private static void assertNoSecrets(HiveMindException error, String... secrets) {
        for (String secret : secrets) {
            if (secret == null || secret.length() < 4) {
                continue;
            }
            assertFalse(String.valueOf(error.getMessage()).contains(secret), "message leaks: " + error.getMessage());
            assertFalse(error.reason().contains(secret), "reason leaks: " + error.reason());
        }
    }
}
