package dev.hivemind.dist.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.error.ConnectionClosedException;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.engine.client.HiveMindConnection;
import dev.hivemind.engine.tck.RawPeer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who may log in as whom, over real WebSocket and TCP sockets: an attacker who knows only a client's access key (it
 * travels in clear in a {@code ws://} URL) cannot authenticate as that client with a key pair of its own, and cannot
 * complete any session with a plaintext HELLO once a key exists. The hub never logs {@code handshake done} for such a
 * connection.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImpersonationTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final String PSK = "0123456789abcdef0123456789abcdef";

    private WiredHub hub;
    private RsaKeys enrolled;
    private RsaKeys other;

    @BeforeAll
    void startHub() throws Exception {
        enrolled = RsaKeys.generate();
        other = RsaKeys.generate();
        hub = WiredHub.start(Map.of("max_auth_failures", 1000), List.of(
                ClientRecord.builder("password-only").clientId(1).name("kitchen").password(PASSWORD).build(),
                ClientRecord.builder("psk-only").clientId(2).name("hallway").cryptoKey(PSK).build(),
                WiredHub.withPublicKey(ClientRecord.builder("enrolled").clientId(3).name("bedroom").build(), enrolled.publicPem()),
                WiredHub.withPublicKey(ClientRecord.builder("enrolled-other").clientId(4).name("attic").build(),
                        other.publicPem()),
                ClientRecord.builder("psk-and-password").clientId(5).name("garage").password(PASSWORD).cryptoKey(PSK).build()));
    }

    @AfterAll
    void stopHub() {
        hub.close();
    }

    @BeforeEach
    void clearLog() {
        hub.log().clear();
    }

    // ------------------------------------------------------------------ RSA impersonation

    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"websocket", "tcp"})
    void rsaCannotImpersonateAPasswordClient(String transport) throws Exception {
        assertRefusedWith1008(transport, "password-only", RsaKeys.generate());
    }

    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"websocket", "tcp"})
    void rsaCannotImpersonateAPresharedKeyClient(String transport) throws Exception {
        assertRefusedWith1008(transport, "psk-only", RsaKeys.generate());
    }

    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"websocket", "tcp"})
    void rsaRefusesAKeyOtherThanTheEnrolledOne(String transport) throws Exception {
        assertRefusedWith1008(transport, "enrolled-other", enrolled);
    }

    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"websocket", "tcp"})
    void rsaAuthenticatesTheEnrolledKey(String transport) throws Exception {
        HiveMindConnection c = hub.connectRsa(transport, "enrolled", enrolled);
        assertEquals("rsa", c.sessionInfo().authMethod());
        hub.echo(c, "hello from the enrolled key");
        c.close();
        assertTrue(hub.log().saidHandshakeDone(), "the enrolled client's session is established");
    }

    private void assertRefusedWith1008(String transport, String accessKey, RsaKeys keys) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> hub.connectRsa(transport, accessKey, keys));
        ConnectionClosedException closed = assertInstanceOf(ConnectionClosedException.class, e.getCause());
        assertEquals(1008, closed.peerCode(), closed.getMessage());
        assertTrue(!hub.log().saidHandshakeDone(), "the hub must never establish this session");
    }

    // ------------------------------------------------------------------ plaintext HELLO

    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"websocket", "tcp"})
    void plaintextHelloAfterAPresharedKeyOfferIsRefused(String transport) throws Exception {
        RawPeer peer = hub.raw(transport, "psk-only");
        RawHandshakes.readHelloAndOffer(peer);
        peer.connection().send(RawHandshakes.plaintextHello());
        assertEquals(1002, peer.awaitCloseCode());
        assertTrue(!hub.log().saidHandshakeDone(), "a plaintext HELLO must not establish a pre-shared-key session");
    }

    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"websocket", "tcp"})
    void plaintextHelloAfterAPasswordHandshakeIsRefused(String transport) throws Exception {
        RawPeer peer = hub.raw(transport, "password-only");
        RawHandshakes.readHelloAndOffer(peer);
        peer.connection().send(RawHandshakes.passwordHandshake(PASSWORD));
        assertTrue(peer.nextText().contains("\"envelope\""), "the hub answers the handshake");
        peer.connection().send(RawHandshakes.plaintextHello());
        assertEquals(1002, peer.awaitCloseCode());
        assertTrue(!hub.log().saidHandshakeDone(), "a plaintext HELLO must not establish a password session");
    }

    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"websocket", "tcp"})
    void plaintextHelloAfterAnRsaHandshakeIsRefused(String transport) throws Exception {
        RawPeer peer = hub.raw(transport, "enrolled");
        RawHandshakes.readHelloAndOffer(peer);
        peer.connection().send(RawHandshakes.rsaHandshake(enrolled.publicPem()));
        assertTrue(peer.nextText().contains("\"envelope\""), "the hub answers the handshake");
        peer.connection().send(RawHandshakes.plaintextHello());
        assertEquals(1002, peer.awaitCloseCode());
        assertTrue(!hub.log().saidHandshakeDone(), "a plaintext HELLO must not establish an RSA session");
    }

    /**
     * A satellite that holds the password but not the pre-shared key (hivemind-core's own satellites often do) runs the
     * password handshake in clear; the session still needs a HELLO sealed under the exchanged key.
     */
    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"websocket", "tcp"})
    void plaintextHelloAfterAPasswordHandshakeThatReplacedAPresharedKeyIsRefused(String transport) throws Exception {
        RawPeer peer = hub.raw(transport, "psk-and-password");
        RawHandshakes.readHelloAndOffer(peer);
        peer.connection().send(RawHandshakes.passwordHandshake(PASSWORD));
        assertTrue(peer.nextText().contains("\"envelope\""), "the hub answers the handshake sent in clear");
        peer.connection().send(RawHandshakes.plaintextHello());
        assertEquals(1002, peer.awaitCloseCode());
        assertTrue(!hub.log().saidHandshakeDone());
    }

    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"websocket", "tcp"})
    void aPasswordOnlySatelliteOfAClientWithBothSecretsConnects(String transport) throws Exception {
        HiveMindConnection c = hub.connect(transport, "password",
                new ClientCredentials("psk-and-password", PASSWORD, null, Map.of()));
        assertEquals("password", c.sessionInfo().authMethod());
        hub.echo(c, "no pre-shared key here");
        c.close();
    }

    @Test
    void aPlaintextHelloDoesNotResetTheFailureCounter() throws Exception {
        try (WiredHub small = WiredHub.start(Map.of("max_auth_failures", 3, "auth_failure_window", "10m"),
                List.of(ClientRecord.builder("counted").clientId(1).name("porch").cryptoKey(PSK).build()))) {
            wrongPresharedKey(small);
            wrongPresharedKey(small);
            RawPeer peer = small.raw("websocket", "counted");
            RawHandshakes.readHelloAndOffer(peer);
            peer.connection().send(RawHandshakes.plaintextHello());
            assertEquals(1002, peer.awaitCloseCode());
            wrongPresharedKey(small);
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> small.connect("websocket", "psk", new ClientCredentials("counted", null, PSK, Map.of())));
            ConnectionClosedException refused = assertInstanceOf(ConnectionClosedException.class, e.getCause());
            assertEquals(429, refused.peerCode(), "three failures within the window lock the key out");
            assertTrue(!small.log().saidHandshakeDone());
        }
    }

    @Test
    void withFirstUseEnrolmentTheFirstKeyIsStoredAndASecondDifferentKeyIsRefused() throws Exception {
        try (WiredHub tofu = WiredHub.start(Map.of("max_auth_failures", 1000),
                Map.of("rsa", Map.of("enroll_on_first_use", true)), List.of(
                        ClientRecord.builder("new-satellite").clientId(1).name("shed").build(),
                        ClientRecord.builder("password-client").clientId(2).name("den").password(PASSWORD).build()))) {
            RsaKeys first = RsaKeys.generate();
            HiveMindConnection c = tofu.connectRsa("websocket", "new-satellite", first);
            tofu.echo(c, "first use");
            c.close();
            String fingerprint = dev.hivemind.auth.rsa.RsaPublicKeyPolicy.check(first.publicPem()).fingerprint();
            assertTrue(tofu.log().warnings().stream().anyMatch(w -> w.contains("enrolled rsa key " + fingerprint)),
                    "enrolment is logged at WARN with the fingerprint: " + tofu.log().warnings());

            tofu.log().clear();
            ExecutionException second = assertThrows(ExecutionException.class,
                    () -> tofu.connectRsa("tcp", "new-satellite", RsaKeys.generate()));
            assertEquals(1008, assertInstanceOf(ConnectionClosedException.class, second.getCause()).peerCode());
            assertTrue(!tofu.log().saidHandshakeDone());

            HiveMindConnection again = tofu.connectRsa("tcp", "new-satellite", first);
            tofu.echo(again, "the enrolled key still works");
            again.close();

            ExecutionException passwordClient = assertThrows(ExecutionException.class,
                    () -> tofu.connectRsa("websocket", "password-client", RsaKeys.generate()));
            assertEquals(1008, assertInstanceOf(ConnectionClosedException.class, passwordClient.getCause()).peerCode(),
                    "first-use enrolment never opens a client that holds another credential");
        }
    }

    /** A satellite with a wrong pre-shared key: the hub closes with 1008 on its first (encrypted) frame. */
    private static void wrongPresharedKey(WiredHub h) throws Exception {
        HiveMindConnection c = h.connect("websocket", "psk",
                new ClientCredentials("counted", null, "ffffffffffffffffffffffffffffffff", Map.of()));
        HiveMindConnection.CloseInfo info = c.closed().toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertEquals(1008, info.code());
    }
}
