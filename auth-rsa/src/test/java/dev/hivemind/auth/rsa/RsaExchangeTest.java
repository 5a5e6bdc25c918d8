package dev.hivemind.auth.rsa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hivemind.api.auth.ClientAuthFactory;
import dev.hivemind.api.auth.AuthStep;
import dev.hivemind.api.auth.ClientAuthExchange;
import dev.hivemind.api.auth.ClientStart;
import dev.hivemind.api.auth.ServerAuthExchange;
import dev.hivemind.api.auth.ServerAuthFactory;
import dev.hivemind.api.error.AuthenticationException;
import dev.hivemind.api.error.ProtocolViolationException;
import dev.hivemind.api.error.ServerBusyException;
import dev.hivemind.api.handshake.ClientHandshake;
import dev.hivemind.api.handshake.HandshakeOffer;
import dev.hivemind.api.handshake.HandshakeResponse;
import dev.hivemind.api.handshake.ServerHello;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RSA exchanges end to end through {@link RsaServerAuthFactory} and {@link RsaClientAuthFactory}, with real files, real crypto and small real
 * contexts: success, trust on first use, strict mode, a changed server key (T22), downgrade, hostile keys
 * (T21, refused before any compute), the client-record pin, replays, and a busy worker pool.
 */
class RsaExchangeTest {
    private static final String ADDRESS = "127.0.0.1:5678";
    private static final JsonNode VECTOR = Vectors.rsaHandshake();

    @TempDir
    Path tmp;
    private RsaServerAuthFactory server;
    private RsaClientAuthFactory client;
    private final TestContexts.Worker serverWorker = new TestContexts.Worker();
    private final TestContexts.Worker clientWorker = new TestContexts.Worker();

    @BeforeEach
    void setUp() {
        server = serverFactory(tmp.resolve("server"), TestKeys.serverPrivatePem(), Map.of());
        client = clientFactory(tmp.resolve("client"), TestKeys.clientPrivatePem(), Map.of());
    }

    // ---- success and trust on first use

    @Test
    void handshakeAgreesOnA32ByteKeyAndPinsTheServerAfterSuccess() throws Exception {
        Path knownHosts = tmp.resolve("client").resolve(RsaSettings.DEFAULT_KNOWN_HOSTS_FILE);
        ServerAuthExchange se = server.newExchange(serverContext(null));
        ClientAuthExchange ce = client.newExchange(clientContext(server, Map.of()));

        ClientStart start = ce.start(offer(true));
        assertFalse(Files.exists(knownHosts), "no pin before the handshake succeeded");
        Map<String, Object> fields = assertInstanceOf(ClientStart.SendHandshake.class, start).authFields();
        assertEquals(Map.of("pubkey", TestKeys.clientPublicPem()), fields);
        assertEquals(TestKeys.clientPublicPem(), ce.helloPublicKey().orElseThrow());

        AuthStep.Succeeded s = assertInstanceOf(AuthStep.Succeeded.class, await(se.onClientHandshake(handshake(fields))));
        String envelope = (String) s.responseFields().get("envelope");
        assertEquals(1024, envelope.length());
        assertTrue(envelope.matches("[0-9a-f]+"));
        AuthStep.Succeeded c = assertInstanceOf(AuthStep.Succeeded.class,
                await(ce.onServerResponse(new HandshakeResponse(s.responseFields(), null, null))));

        assertEquals(32, s.key().length());
        assertArrayEquals(s.key().bytes(), c.key().bytes());
        assertEquals(1, serverWorker.calls.get(), "sign + encrypt ran once through compute");
        assertEquals(1, clientWorker.calls.get(), "verify + decrypt ran once through compute");
        String pinned = Files.readString(knownHosts);
        assertTrue(pinned.contains(ADDRESS + " " + TestKeys.server().publicKey().fingerprint() + "\n"), pinned);
        se.close();
        ce.close();
    }

    @Test
    void secondConnectionWithThePinnedKeySucceeds() throws Exception {
        assertInstanceOf(AuthStep.Succeeded.class, fullHandshake(server, client, null, Map.of()).client());
        assertInstanceOf(AuthStep.Succeeded.class, fullHandshake(server, client, null, Map.of()).client());
        assertEquals(1, client.knownHosts(tmp.resolve("client").resolve(RsaSettings.DEFAULT_KNOWN_HOSTS_FILE))
                .lookup(ADDRESS).size());
    }

    @Test
    void failedHandshakeStoresNoPin() throws Exception {
        ClientAuthExchange ce = client.newExchange(clientContext(server, Map.of()));
        ce.start(offer(true));
        String forged = "00".repeat(512);
        AuthStep.Failed f = assertInstanceOf(AuthStep.Failed.class,
                await(ce.onServerResponse(new HandshakeResponse(Map.of("envelope", forged), null, null))));
        assertEquals(RsaEnvelope.FAILURE_DETAIL, f.error().getMessage());
        assertFalse(Files.exists(tmp.resolve("client").resolve(RsaSettings.DEFAULT_KNOWN_HOSTS_FILE)));
    }

    @Test
    void clientOpensTheEnvelopeRecordedFromThePythonServer() throws Exception {
        ClientAuthExchange ce = client.newExchange(clientContext(server, Map.of()));
        ce.start(offer(true));
        AuthStep.Succeeded c = assertInstanceOf(AuthStep.Succeeded.class, await(ce.onServerResponse(
                new HandshakeResponse(Map.of("envelope", VECTOR.get("envelope_hex").asText()), null, null))));
        assertArrayEquals(Vectors.hex(VECTOR.get("secret_hex")), c.key().bytes());
    }

    @Test
    void replayedEnvelopeIsRefusedWithTheGenericError() throws Exception {
        HandshakeResponse recorded = new HandshakeResponse(Map.of("envelope", VECTOR.get("envelope_hex").asText()), null, null);
        ClientAuthExchange first = client.newExchange(clientContext(server, Map.of()));
        first.start(offer(true));
        assertInstanceOf(AuthStep.Succeeded.class, await(first.onServerResponse(recorded)));
        ClientAuthExchange second = client.newExchange(clientContext(server, Map.of()));
        second.start(offer(true));
        AuthStep.Failed f = assertInstanceOf(AuthStep.Failed.class, await(second.onServerResponse(recorded)));
        assertEquals(RsaEnvelope.FAILURE_DETAIL, f.error().getMessage());
    }

    // ---- pinning: strict mode and changed keys (T22)

    @Test
    void strictModeRefusesAnUnpinnedServerBeforeSendingAnything() {
        ClientAuthExchange ce = client.newExchange(clientContext(server, Map.of(RsaSettings.OPT_STRICT_HOST_KEYS, "true")));
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> ce.start(offer(true)));
        assertTrue(e.getMessage().contains("strict"), e.getMessage());
        assertTrue(e.getMessage().contains(ADDRESS + " " + TestKeys.server().publicKey().fingerprint()), e.getMessage());
        assertEquals(AuthenticationException.REASON, e.reason());
        assertEquals(0, clientWorker.calls.get());
    }

    @Test
    void strictModeFromPluginSettingsAcceptsAPrePinnedServer() throws Exception {
        RsaClientAuthFactory strict = clientFactory(tmp.resolve("strict"), TestKeys.clientPrivatePem(), Map.of(RsaSettings.STRICT_HOST_KEYS, true));
        ClientAuthExchange refused = strict.newExchange(clientContext(server, Map.of()));
        assertThrows(AuthenticationException.class, () -> refused.start(offer(true)));

        strict.knownHosts(tmp.resolve("strict").resolve(RsaSettings.DEFAULT_KNOWN_HOSTS_FILE))
                .add(ADDRESS, TestKeys.server().publicKey().fingerprint());
        assertInstanceOf(AuthStep.Succeeded.class, fullHandshake(server, strict, null, Map.of()).client());
    }

    @Test
    void changedServerKeyIsRefusedWithARepinHint() throws Exception {
        assertInstanceOf(AuthStep.Succeeded.class, fullHandshake(server, client, null, Map.of()).client());
        RsaServerAuthFactory impostor = serverFactory(tmp.resolve("impostor"), TestKeys.clientPrivatePem(), Map.of());
        Path knownHosts = tmp.resolve("client").resolve(RsaSettings.DEFAULT_KNOWN_HOSTS_FILE);
        String before = Files.readString(knownHosts);

        ClientAuthExchange ce = client.newExchange(clientContext(impostor, Map.of()));
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> ce.start(offer(true)));
        assertTrue(e.getMessage().contains("CHANGED"), e.getMessage());
        assertTrue(e.getMessage().contains("delete line 2 of " + knownHosts.toAbsolutePath().normalize()), e.getMessage());
        assertEquals(AuthenticationException.REASON, e.reason());
        assertEquals(before, Files.readString(knownHosts), "the pin is untouched");

        // the user re-pins by deleting the line; the next connection trusts the new key on first use
        client.knownHosts(knownHosts).unpin(ADDRESS);
        assertInstanceOf(AuthStep.Succeeded.class, fullHandshake(impostor, client, null, Map.of()).client());
    }

    @Test
    void knownHostsFileFromOptionsIsUsed() throws Exception {
        Path custom = tmp.resolve("elsewhere/hosts");
        assertInstanceOf(AuthStep.Succeeded.class,
                fullHandshake(server, client, null, Map.of(RsaSettings.OPT_KNOWN_HOSTS_FILE, custom.toString())).client());
        assertTrue(Files.readString(custom).contains(ADDRESS));
    }

    // ---- downgrade and missing or hostile server keys

    @Test
    void offerWithoutARequiredHandshakeStillRunsTheRsaHandshake() {
        // handshake=false means the hub holds a pre-shared key for us; the RSA client authenticates anyway
        ClientAuthExchange ce = client.newExchange(clientContext(server, Map.of()));
        assertTrue(ce.start(offer(false)) instanceof dev.hivemind.api.auth.ClientStart.SendHandshake);
    }

    @Test
    void helloWithoutPublicKeyIsRefused() {
        ClientAuthExchange ce = client.newExchange(new TestContexts.Client(TestContexts.rsaCredentials(Map.of()),
                new ServerHello("", "peer", "master"), ADDRESS, clientWorker));
        assertThrows(AuthenticationException.class, () -> ce.start(offer(true)));
    }

    @Test
    void hostileServerKeyInHelloIsAProtocolViolation() {
        String hostile = RsaPublicKeyPolicyTest.armour("PUBLIC KEY", new byte[4000]);
        ClientAuthExchange ce = client.newExchange(new TestContexts.Client(TestContexts.rsaCredentials(Map.of()),
                new ServerHello(hostile, "peer", "master"), ADDRESS, clientWorker));
        assertThrows(ProtocolViolationException.class, () -> ce.start(offer(true)));
    }

    // ---- server side: hostile client keys and the client-record pin

    @Test
    void hostileClientKeyIsRefusedBeforeAnyArithmetic() throws Exception {
        ServerAuthExchange se = server.newExchange(serverContext(null));
        String emptyKey = RsaPublicKeyPolicyTest.armour("PUBLIC KEY", new byte[0]);
        AuthStep.Failed f = assertInstanceOf(AuthStep.Failed.class,
                await(se.onClientHandshake(handshake(Map.of("pubkey", "x".repeat(1024 * 1024))))));
        assertInstanceOf(ProtocolViolationException.class, f.error());
        ServerAuthExchange se2 = server.newExchange(serverContext(null));
        assertInstanceOf(ProtocolViolationException.class, ((AuthStep.Failed) await(se2.onClientHandshake(
                handshake(Map.of("pubkey", emptyKey))))).error());
        assertEquals(0, serverWorker.calls.get(), "no RSA work was scheduled");
    }

    @Test
    void pubkeyThatIsNotAStringIsAProtocolViolation() throws Exception {
        ServerAuthExchange se = server.newExchange(serverContext(null));
        AuthStep.Failed f = assertInstanceOf(AuthStep.Failed.class, await(se.onClientHandshake(handshake(Map.of("pubkey", 42)))));
        assertInstanceOf(ProtocolViolationException.class, f.error());
    }

    @Test
    void clientRecordPinAcceptsThePinnedKey() throws Exception {
        assertInstanceOf(AuthStep.Succeeded.class, fullHandshake(server, client, TestKeys.clientPublicPem(), Map.of()).server());
    }

    @Test
    void clientRecordPinRefusesAnyOtherKey() throws Exception {
        ServerAuthExchange se = server.newExchange(serverContext(TestKeys.serverPublicPem()));
        AuthStep.Failed f = assertInstanceOf(AuthStep.Failed.class,
                await(se.onClientHandshake(handshake(Map.of("pubkey", TestKeys.clientPublicPem())))));
        assertInstanceOf(AuthenticationException.class, f.error());
        assertTrue(f.error().getMessage().contains("enrolled in its client record"), f.error().getMessage());
        assertEquals(0, serverWorker.calls.get());
    }

    @Test
    void withoutAGrantedKeyTheExchangeAcceptsAPolicyValidKeyAndReportsItForEnrolment() throws Exception {
        // the hub grants RSA without a credential only while enrolling a first key (auth.rsa.enroll_on_first_use)
        ServerAuthExchange se = server.newExchange(serverContextFor(TestContexts.record(null)));
        assertTrue(se.presentedCredential().isEmpty(), "nothing presented yet");
        assertInstanceOf(AuthStep.Succeeded.class,
                await(se.onClientHandshake(handshake(Map.of("pubkey", TestKeys.clientPublicPem())))));
        assertEquals(TestKeys.clientPublicPem(), se.presentedCredential().orElseThrow());
        se.close();
    }

    @Test
    void anEnrolledKeyIsNotReportedAgainButStillComparedFirst() throws Exception {
        ServerAuthExchange se = server.newExchange(serverContext(TestKeys.serverPublicPem()));
        assertInstanceOf(AuthStep.Failed.class,
                await(se.onClientHandshake(handshake(Map.of("pubkey", TestKeys.clientPublicPem())))));
        assertTrue(se.presentedCredential().isEmpty(), "a refused key is never reported for enrolment");
    }

    @Test
    void secondHandshakeOnOneConnectionIsAProtocolViolation() throws Exception {
        ServerAuthExchange se = server.newExchange(serverContext(null));
        Map<String, Object> fields = Map.of("pubkey", TestKeys.clientPublicPem());
        assertInstanceOf(AuthStep.Succeeded.class, await(se.onClientHandshake(handshake(fields))));
        AuthStep.Failed f = assertInstanceOf(AuthStep.Failed.class, await(se.onClientHandshake(handshake(fields))));
        assertInstanceOf(ProtocolViolationException.class, f.error());
    }

    @Test
    void fullWorkerPoolFailsWithServerBusy() throws Exception {
        serverWorker.busy = true;
        ServerAuthExchange se = server.newExchange(serverContext(null));
        AuthStep.Failed f = assertInstanceOf(AuthStep.Failed.class,
                await(se.onClientHandshake(handshake(Map.of("pubkey", TestKeys.clientPublicPem())))));
        assertInstanceOf(ServerBusyException.class, f.error());
        se.close();
    }

    // ---- factory contract

    @Test
    void bothHalvesDescribeTheRsaMethod() {
        for (var half : List.of(server, client)) {
            assertEquals("rsa", half.name());
            assertEquals("pubkey", half.selectorField().orElseThrow());
            assertTrue(half.offerFlag().isEmpty());
            assertTrue(half.isHandshake());
        }
        assertEquals(TestKeys.serverPublicPem(), server.nodePublicKeyPem().orElseThrow());
        assertTrue(server.enrollable(), "a public key can be enrolled on first use");
        assertEquals(TestKeys.client().publicKey().fingerprint(), server.fingerprint(TestKeys.clientPublicPem()));
        assertTrue(client.configuredBy(TestContexts.rsaCredentials(Map.of())));
        assertTrue(client.configuredBy(new dev.hivemind.api.auth.ClientCredentials("k", null, null, Map.of("rsa", "TRUE"))));
        assertFalse(client.configuredBy(new dev.hivemind.api.auth.ClientCredentials("k", "pw", null, Map.of())));
        assertFalse(client.configuredBy(new dev.hivemind.api.auth.ClientCredentials("k", null, null, Map.of("rsa", "no"))));
    }

    @Test
    void anEnrolledKeyMustPassTheKeyPolicy() {
        assertTrue(server.credentialProblem(TestKeys.clientPublicPem()).isEmpty());
        String problem = server.credentialProblem(RsaPublicKeyPolicyTest.armour("PUBLIC KEY", new byte[0])).orElseThrow();
        assertTrue(problem.contains("not acceptable"), problem);
    }

    @Test
    void bothHalvesAreFoundByServiceLoader() {
        assertTrue(ServiceLoader.load(ServerAuthFactory.class).stream()
                .anyMatch(p -> p.type() == RsaServerAuthFactory.class));
        assertTrue(ServiceLoader.load(ClientAuthFactory.class).stream()
                .anyMatch(p -> p.type() == RsaClientAuthFactory.class));
    }

    @Test
    void withoutIdentityEveryHandshakeIsRefused() throws Exception {
        RsaServerAuthFactory none = new RsaServerAuthFactory();
        none.initialize(TestContexts.Plugin.of(tmp.resolve("none"), Map.of(RsaSettings.GENERATE_IDENTITY, false)));
        ServerAuthExchange se = none.newExchange(serverContext(null));
        AuthStep.Failed f = assertInstanceOf(AuthStep.Failed.class,
                await(se.onClientHandshake(handshake(Map.of("pubkey", TestKeys.clientPublicPem())))));
        assertTrue(f.error().getMessage().contains("no RSA identity"), f.error().getMessage());
        assertTrue(none.nodePublicKeyPem().isEmpty());
        assertFalse(Files.exists(tmp.resolve("none").resolve(RsaSettings.DEFAULT_IDENTITY_FILE)));
    }

    @Test
    void identityIsLoadedOnceNotPerConnection() throws Exception {
        Files.delete(tmp.resolve("server").resolve(RsaSettings.DEFAULT_IDENTITY_FILE));
        Files.delete(tmp.resolve("client").resolve(RsaSettings.DEFAULT_IDENTITY_FILE));
        assertInstanceOf(AuthStep.Succeeded.class, fullHandshake(server, client, null, Map.of()).client());
        assertFalse(Files.exists(tmp.resolve("server").resolve(RsaSettings.DEFAULT_IDENTITY_FILE)), "not regenerated");
    }

    @Test
    void bouncyCastleIsNeverRegisteredGlobally() throws Exception {
        RsaPrimitives bc = RsaPrimitives.bouncyCastle();
        bc.pssVerify(TestKeys.server().publicKey().publicKey(), new byte[1], new byte[256]);
        assertNull(Security.getProvider("BC"));
    }

    @Test
    void uninitializedFactoryRefusesToServe() {
        assertThrows(IllegalStateException.class, () -> new RsaServerAuthFactory().newExchange(serverContext(null)));
    }

    // ---- harness

    record Outcome(AuthStep server, AuthStep client) {
    }

    private Outcome fullHandshake(RsaServerAuthFactory srv, RsaClientAuthFactory cli, String recordPin, Map<String, String> options)
            throws Exception {
        try (ServerAuthExchange se = srv.newExchange(serverContext(recordPin));
                ClientAuthExchange ce = cli.newExchange(clientContext(srv, options))) {
            ClientStart.SendHandshake start = (ClientStart.SendHandshake) ce.start(offer(true));
            AuthStep s = await(se.onClientHandshake(handshake(start.authFields())));
            if (!(s instanceof AuthStep.Succeeded ok)) {
                return new Outcome(s, null);
            }
            AuthStep c = await(ce.onServerResponse(new HandshakeResponse(ok.responseFields(), null, null)));
            if (c instanceof AuthStep.Succeeded cok) {
                assertArrayEquals(ok.key().bytes(), cok.key().bytes());
            }
            return new Outcome(s, c);
        }
    }

    private static RsaServerAuthFactory serverFactory(Path dataDir, String identityPem, Map<String, Object> settings) {
        TestKeys.write(dataDir.resolve(RsaSettings.DEFAULT_IDENTITY_FILE), identityPem);
        RsaServerAuthFactory f = new RsaServerAuthFactory();
        f.initialize(TestContexts.Plugin.of(dataDir, settings));
        return f;
    }

    private static RsaClientAuthFactory clientFactory(Path dataDir, String identityPem, Map<String, Object> settings) {
        TestKeys.write(dataDir.resolve(RsaSettings.DEFAULT_IDENTITY_FILE), identityPem);
        RsaClientAuthFactory f = new RsaClientAuthFactory();
        f.initialize(TestContexts.Plugin.of(dataDir, settings));
        return f;
    }

    /** A context for a client whose record enrols {@code recordPin}, or the test client's own key if null. */
    private TestContexts.Server serverContext(String recordPin) {
        return serverContextFor(TestContexts.record(recordPin == null ? TestKeys.clientPublicPem() : recordPin));
    }

    private TestContexts.Server serverContextFor(dev.hivemind.api.registry.ClientRecord record) {
        return new TestContexts.Server(record,
                new ServerHello(server.nodePublicKeyPem().orElse(""), "peer", "master:0.0.0.0"), serverWorker);
    }

    private TestContexts.Client clientContext(RsaServerAuthFactory srv, Map<String, String> options) {
        return new TestContexts.Client(TestContexts.rsaCredentials(options),
                new ServerHello(srv.nodePublicKeyPem().orElseThrow(), "peer", "master:0.0.0.0"), ADDRESS, clientWorker);
    }

    private static HandshakeOffer offer(boolean handshake) {
        return new HandshakeOffer(handshake, 1, 1, false, false, false, true, List.of("JSON-HEX"), List.of("AES-GCM"), Map.of());
    }

    private static ClientHandshake handshake(Map<String, Object> authFields) {
        return new ClientHandshake(false, List.of("JSON-HEX"), List.of("AES-GCM"), authFields);
    }

    private static AuthStep await(CompletionStage<AuthStep> stage) throws Exception {
        return stage.toCompletableFuture().get(30, TimeUnit.SECONDS); // a safety net, never a timing assertion
    }
}
