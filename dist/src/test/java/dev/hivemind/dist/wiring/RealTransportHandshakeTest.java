package dev.hivemind.dist.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hivemind.api.auth.ClientAuthFactory;
import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.transport.ClientEndpoint;
import dev.hivemind.api.transport.TransportFactory;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.JsonValues;
import dev.hivemind.auth.rsa.NodeIdentity;
import dev.hivemind.dist.runtime.HubVertx;
import dev.hivemind.engine.client.HiveMindClient;
import dev.hivemind.engine.client.HiveMindConnection;
import dev.hivemind.engine.config.ConfigLoader;
import dev.hivemind.engine.config.HiveMindConfig;
import dev.hivemind.engine.hub.InMemoryClientRegistry;
import dev.hivemind.engine.plugin.PluginCatalog;
import dev.hivemind.engine.runtime.EnginePluginContext;
import dev.hivemind.engine.runtime.HiveMindEngine;
import dev.hivemind.engine.runtime.HubServer;
import dev.hivemind.engine.session.ClientOptions;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The whole hub as the distribution wires it (configuration, ServiceLoader discovery, Guice) listening on WebSocket
 * and TCP at once on loopback, both on one Vert.x instance; satellites built from the discovered plugins complete
 * password, pre-shared-key and RSA handshakes over each transport and exchange messages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealTransportHandshakeTest {
    private static final String PASSWORD = "real transports";
    private static final String PSK = "fedcba9876543210fedcba9876543210";

    @TempDir
    static Path hubHome;
    @TempDir
    static Path satelliteHome;

    private HubServer server;
    private Map<String, InetSocketAddress> bound;
    private PluginCatalog catalog;

    @BeforeAll
    void startHub() {
        HiveMindConfig config = ConfigLoader.fromTree(Map.of(
                "transports", Map.of("websocket", Map.of("host", "127.0.0.1", "port", 0),
                        "tcp", Map.of("host", "127.0.0.1", "port", 0))), hubHome);
        catalog = PluginCatalog.discover(getClass().getClassLoader());
        // the satellite's RSA identity (generated where its rsa plugin will find it) is enrolled in its record
        String satelliteKey = NodeIdentity.loadOrGenerate(satelliteHome.resolve("HiveMindComs.pem"), 2048, true,
                new SecureRandom()).publicKeyPem();
        server = HiveMindEngine.create(config, catalog, new InMemoryClientRegistry(List.of(WiredHub.withPublicKey(
                ClientRecord.builder("satellite-key").clientId(1).name("satellite").password(PASSWORD).cryptoKey(PSK).build(), satelliteKey))));
        bound = server.start(HubVertx.forHub(config)); // as listen runs it: both transports on one Vert.x
    }

    @AfterAll
    void stopHub() {
        server.close();
    }

    @ParameterizedTest(name = "{1} over {0}")
    @CsvSource({"websocket,ws,password", "websocket,ws,psk", "websocket,ws,rsa",
            "tcp,tcp,password", "tcp,tcp,psk", "tcp,tcp,rsa"})
    void handshakeAndMessages(String transportName, String scheme, String method) throws Exception {
        TransportFactory transport = catalog.transports().get(transportName);
        ClientAuthFactory auth = PluginCatalog.discover(getClass().getClassLoader()).clientAuth().get(method);
        auth.initialize(new EnginePluginContext(PluginSettings.empty(), satelliteHome, Clock.systemUTC(),
                new SecureRandom()));
        ClientCredentials credentials = switch (method) {
            case "password" -> new ClientCredentials("satellite-key", PASSWORD, null, Map.of());
            case "psk" -> new ClientCredentials("satellite-key", null, PSK, Map.of());
            default -> new ClientCredentials("satellite-key", null, null, Map.of("rsa", "true"));
        };
        HiveMindClient client = HiveMindClient.create(transport, List.of(auth), credentials, ClientOptions.defaults());
        try {
            int port = bound.get(transportName).getPort();
            HiveMindConnection c = client.connect(ClientEndpoint.parse(scheme + "://127.0.0.1:" + port, port))
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertEquals(method, c.sessionInfo().authMethod());
            for (int i = 0; i < 10; i++) {
                c.send(HiveMessage.bus("recognizer_loop:utterance",
                        JsonValues.object("utterances", List.of("n" + i), "lang", "en-us"), JsonValues.object()));
                HiveMessage reply = c.poll(Duration.ofSeconds(15)).orElseThrow(() -> new AssertionError("no reply"));
                assertEquals("you said: n" + i, ((Map<?, ?>) reply.payload().get("data")).get("utterance"));
            }
            c.close();
        } finally {
            client.close();
        }
    }
}
