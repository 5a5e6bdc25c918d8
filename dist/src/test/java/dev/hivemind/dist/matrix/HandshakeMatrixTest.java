package dev.hivemind.dist.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hivemind.api.auth.ClientAuthFactory;
import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.wire.CipherSuite;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.JsonValues;
import dev.hivemind.api.wire.ProtocolVersion;
import dev.hivemind.api.wire.TextEncoding;
import dev.hivemind.auth.password.PasswordClientAuthFactory;
import dev.hivemind.auth.password.PasswordServerAuthFactory;
import dev.hivemind.auth.psk.PskClientAuthFactory;
import dev.hivemind.auth.psk.PskServerAuthFactory;
import dev.hivemind.engine.client.HiveMindConnection;
import dev.hivemind.engine.config.HandshakeSettings;
import dev.hivemind.engine.session.ClientOptions;
import dev.hivemind.engine.tck.HubHarness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Java satellite ↔ Java hub over the in-memory transport with the real auth plugins: password, pre-shared key, and
 * pre-shared key + password (the handshake key replaces the pre-shared one, as in Python), for every cipher × text
 * encoding × binarize where the mode negotiates them; each case completes the handshake and moves 100 messages each
 * way.
 */
class HandshakeMatrixTest {
    private static final String PASSWORD = "matrix password ✓";
    private static final String PSK = "0123456789abcdef";
    private static final int MESSAGES = 100;

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        out.add(Arguments.of("psk", CipherSuite.AES_GCM, TextEncoding.JSON_HEX, false));
        for (String mode : List.of("password", "psk+password")) {
            for (CipherSuite c : CipherSuite.values()) {
                for (TextEncoding e : TextEncoding.values()) {
                    out.add(Arguments.of(mode, c, e, false));
                    out.add(Arguments.of(mode, c, e, true));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} binarize={3}")
    @MethodSource("cases")
    void handshakeAndAHundredMessagesEachWay(String mode, CipherSuite cipher, TextEncoding encoding, boolean binarize)
            throws Exception {
        boolean psk = mode.startsWith("psk");
        boolean password = mode.endsWith("password");
        ClientRecord record = ClientRecord.builder("matrix").clientId(1).name("satellite").password(password ? PASSWORD : null).cryptoKey(psk ? PSK : null).build();
        try (HubHarness h = HubHarness.builder()
                .methods(List.of(new PasswordServerAuthFactory(), new PskServerAuthFactory()))
                .clients(List.of(record)).dataDirectory(dir)
                .handshake(new HandshakeSettings(true, Duration.ofSeconds(10), 3, 0, 2, binarize, true))
                .build()) {
            List<ClientAuthFactory> clientMethods = new ArrayList<>();
            if (psk) {
                clientMethods.add(new PskClientAuthFactory());
            }
            if (password) {
                clientMethods.add(new PasswordClientAuthFactory());
            }
            ClientOptions options = ClientOptions.defaults().withCiphers(List.of(cipher)).withEncodings(List.of(encoding))
                    .withBinarize(binarize);
            HiveMindConnection c = h.connect(h.client(clientMethods, new ClientCredentials("matrix",
                    password ? PASSWORD : null, psk ? PSK : null, Map.of()), options, dir, Map.of()));

            assertEquals(password ? "password" : "psk", c.sessionInfo().authMethod());
            assertEquals(cipher, c.sessionInfo().cipher());
            assertEquals(encoding, c.sessionInfo().encoding());
            assertEquals(binarize && password, c.sessionInfo().binarize());
            assertEquals(!password ? ProtocolVersion.ZERO : binarize ? ProtocolVersion.TWO : ProtocolVersion.ONE,
                    c.sessionInfo().protocolVersion());

            for (int i = 0; i < MESSAGES; i++) {
                c.send(HiveMessage.bus("recognizer_loop:utterance",
                        JsonValues.object("utterances", List.of("utterance " + i), "lang", "en-us"), JsonValues.object()));
            }
            for (int i = 0; i < MESSAGES; i++) {
                HiveMessage back = c.poll(Duration.ofSeconds(10)).orElseThrow(() -> new AssertionError("missing echo"));
                assertEquals("utterance " + i, ((List<?>) ((Map<?, ?>) back.payload().get("data")).get("utterances")).get(0));
            }
            assertEquals(MESSAGES, h.agent().received().size());
            c.close();
        }
    }
}
