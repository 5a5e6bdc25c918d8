package dev.hivemind.auth.password.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.auth.SessionKey;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.transport.Frame;
import dev.hivemind.api.wire.CipherSuite;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.JsonValues;
import dev.hivemind.api.wire.MessageType;
import dev.hivemind.api.wire.TextEncoding;
import dev.hivemind.auth.password.PasswordClientAuthFactory;
import dev.hivemind.auth.password.PasswordServerAuthFactory;
import dev.hivemind.engine.client.HiveMindClient;
import dev.hivemind.engine.client.HiveMindConnection;
import dev.hivemind.engine.codec.json.HiveMessageCodec;
import dev.hivemind.engine.crypto.NonceSequence;
import dev.hivemind.engine.crypto.SessionCrypto;
import dev.hivemind.engine.session.ClientOptions;
import dev.hivemind.engine.session.SatelliteBusContext;
import dev.hivemind.engine.tck.EngineFixtures;
import dev.hivemind.engine.tck.FixedRandom;
import dev.hivemind.engine.tck.HubHarness;
import dev.hivemind.engine.tck.RawPeer;
import dev.hivemind.engine.tck.RawServer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays {@code handshake_transcript.json} (recorded from the Python HiveMind) through the engine's real session
 * state machines, with the recorded IVs injected through the random seam: our {@code ServerSession} answers the
 * Python client's HANDSHAKE with the exact recorded response and derives the recorded key (the recorded first
 * encrypted client frame reaches the application as the recorded message); our {@code ClientSession} answers the
 * Python server's frames with the exact recorded client HANDSHAKE and encrypts under the same key.
 */
class PythonTranscriptSessionTest {
    private static final HexFormat HEX = HexFormat.of();
    private static JsonNode transcript;
    private static JsonNode password;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        try (InputStream t = PythonTranscriptSessionTest.class.getResourceAsStream("/vectors/hivemind/handshake_transcript.json");
                InputStream p = PythonTranscriptSessionTest.class.getResourceAsStream("/vectors/hivemind/password_handshake.json")) {
            transcript = mapper.readTree(t);
            password = mapper.readTree(p);
        }
    }

    private static ClientRecord adminClient(String pw) {
        return ClientRecord.builder("python-client").clientId(1).name("node1").password(pw).admin(true).build();
    }

    private static String text(String field) {
        return transcript.get(field).asText();
    }

    private static byte[] sessionKey() {
        return HEX.parseHex(transcript.get("session_key_hex").asText());
    }

    /** A crypto state under the recorded session key, for encrypting or reading frames as the Python peer would. */
    private static SessionCrypto pythonSide() {
        return new SessionCrypto(SessionKey.copyOf(sessionKey()), CipherSuite.AES_GCM,
                new NonceSequence(CipherSuite.AES_GCM, new SecureRandom(), NonceSequence.DEFAULT_MESSAGE_LIMIT), null);
    }

    @Test
    void ourServerAnswersThePythonClientExactlyAndDerivesTheRecordedKey() throws Exception {
        FixedRandom random = new FixedRandom().then(HEX.parseHex(password.get("server_iv_hex").asText()));
        String pw = password.get("password_utf8").asText();
        try (HubHarness h = HubHarness.builder().methods(List.of(new PasswordServerAuthFactory()))
                .clients(List.of(adminClient(pw))).random(random)
                .dataDirectory(dir).build()) {
            RawPeer python = h.raw("python-client");
            assertTrue(python.nextText().contains("\"msg_type\": \"hello\""));
            assertTrue(python.nextText().contains("\"msg_type\": \"shake\""));
            python.connection().send(Frame.text(text("client_handshake")));
            assertEquals(text("server_handshake_response"), python.nextText(),
                    "the response must be byte-identical to the Python server's");
            assertEquals(0, random.remaining(), "the recorded server IV must have been used");

            HiveMessageCodec codec = EngineFixtures.messages();
            SessionCrypto asPython = pythonSide();
            HiveMessage hello = HiveMessage.builder(MessageType.HELLO).payload(JsonValues.object("pubkey", null,
                    "session", JsonValues.object("session_id", "python-session"), "site_id", "kitchen")).build();
            python.connection().send(Frame.text(asPython.sealText(
                    codec.serialize(hello).getBytes(StandardCharsets.UTF_8), TextEncoding.JSON_B91)));
            python.connection().send(Frame.text(text("first_encrypted_client_frame_AES-GCM_JSON-B91_nonce_000102..0f")));

            HiveMessage expected = codec.parse(text("its_plaintext"));
            long end = System.nanoTime() + RawPeer.WAIT.toNanos();
            while (h.agent().received().isEmpty() && System.nanoTime() < end) {
                Thread.sleep(5);
            }
            assertEquals(1, h.agent().received().size(), "the recorded frame must decrypt under our derived key");
            HiveMessage got = h.agent().received().get(0);
            // the recorded frame carries no context.session: only an admin passes the 'default'-session rule, and the
            // agent sees the context as the hub rewrites it
            assertEquals(expected.payload().get("type"), got.payload().get("type"));
            assertEquals(expected.payload().get("data"), got.payload().get("data"));
            assertEquals("RawPeer::1::node1::python-session", ((Map<?, ?>) got.payload().get("context")).get("peer"));
            assertEquals(MessageType.BUS, got.type());
            assertEquals("RawPeer::1::node1::python-session", got.sourcePeer(), "USERAGENT::CLIENT_ID::NAME::SESSION");
        }
    }

    @Test
    void ourClientAnswersThePythonServerExactlyAndUsesTheRecordedKey() throws Exception {
        FixedRandom random = new FixedRandom().then(HEX.parseHex(password.get("client_iv_hex").asText()));
        String pw = password.get("password_utf8").asText();
        try (HubHarness h = HubHarness.builder().build(); RawServer python = new RawServer(h.transport())) {
            // the Python client offers every encoding in its enum order and AES-GCM first
            ClientOptions options = ClientOptions.defaults()
                    .withEncodings(List.of(TextEncoding.JSON_B91, TextEncoding.JSON_Z85B, TextEncoding.JSON_Z85P,
                            TextEncoding.JSON_B64, TextEncoding.JSON_URLSAFE_B64, TextEncoding.JSON_B32,
                            TextEncoding.JSON_HEX))
                    .withCiphers(List.of(CipherSuite.AES_GCM, CipherSuite.CHACHA20_POLY1305));
            HiveMindClient client = h.client(List.of(new PasswordClientAuthFactory()),
                    new ClientCredentials("python-client", pw, null, Map.of()), options, dir, Map.of(), random);
            CompletableFuture<HiveMindConnection> pending = client
                    .connect(dev.hivemind.engine.tck.memory.MemoryTransport.endpoint(python.port())).toCompletableFuture();
            RawPeer server = python.nextConnection();

            HiveMessageCodec codec = EngineFixtures.messages();
            JsonNode helloExample = transcript.get("server_hello_example");
            HiveMessage serverHello = HiveMessage.builder(MessageType.HELLO).payload(JsonValues.object(
                    "pubkey", helloExample.get("payload").get("pubkey").asText(),
                    "peer", helloExample.get("payload").get("peer").asText(),
                    "node_id", helloExample.get("payload").get("node_id").asText())).build();
            server.connection().send(Frame.text(codec.serialize(serverHello)));
            server.connection().send(Frame.text(text("server_handshake_request")));
            assertEquals(text("client_handshake"), server.nextText(),
                    "our HANDSHAKE must be byte-identical to the Python client's");
            server.connection().send(Frame.text(text("server_handshake_response")));

            HiveMindConnection connection = pending.get(RawPeer.WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertEquals(CipherSuite.AES_GCM, connection.sessionInfo().cipher());
            assertEquals(TextEncoding.JSON_B91, connection.sessionInfo().encoding());

            SessionCrypto asPython = pythonSide();
            HiveMessage hello = codec.parse(new String(asPython.openText(server.nextText(), TextEncoding.JSON_B91),
                    StandardCharsets.UTF_8));
            assertEquals(MessageType.HELLO, hello.type());
            assertEquals(connection.sessionId(), ((Map<?, ?>) hello.payload().get("session")).get("session_id"));

            HiveMessage bus = codec.parse(text("its_plaintext"));
            connection.send(bus);
            HiveMessage received = codec.parse(new String(asPython.openText(server.nextText(), TextEncoding.JSON_B91),
                    StandardCharsets.UTF_8));
            // what the Python client meant to send: its context completed with our session (HIVEMIND-WIRE.md §11)
            HiveMessage completed = new SatelliteBusContext(connection.sessionId(), options.siteId(),
                    options.userAgent()).complete(bus);
            assertEquals(completed, received);
            assertEquals(codec.serialize(completed), codec.serialize(received));
        }
    }
}
