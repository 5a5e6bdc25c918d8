package dev.hivemind.dist.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hivemind.api.auth.ClientAuthFactory;
import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.registry.ClientRegistry;
import dev.hivemind.api.transport.AuthorizationToken;
import dev.hivemind.api.transport.ClientEndpoint;
import dev.hivemind.api.transport.TransportClient;
import dev.hivemind.api.transport.TransportFactory;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.JsonValues;
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
import dev.hivemind.engine.tck.RawPeer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The hub as the distribution wires it (configuration, ServiceLoader discovery, Guice), listening on WebSocket and TCP
 * on loopback, serving a fixed set of clients from memory; with helpers for satellites and raw peers on real sockets.
 */
final class WiredHub implements AutoCloseable {
    private static final String SCHEME_TCP = "tcp";

    private final PluginCatalog catalog;
    private final HubServer server;
    private final Map<String, InetSocketAddress> bound;
    private final HubLogCapture log = new HubLogCapture();
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final Path home;

    private WiredHub(PluginCatalog catalog, HubServer server, Map<String, InetSocketAddress> bound, Path home) {
        this.catalog = catalog;
        this.server = server;
        this.bound = bound;
        this.home = home;
    }

    /** A hub with the given {@code limits} section and clients. */
    static WiredHub start(Map<String, Object> limits, List<ClientRecord> clients) throws IOException {
        return start(limits, Map.of(), clients);
    }

    /** A hub with the given {@code limits} and {@code auth} sections and clients. */
    static WiredHub start(Map<String, Object> limits, Map<String, Object> auth, List<ClientRecord> clients)
            throws IOException {
        Path home = Files.createTempDirectory("hivemind-wired-hub");
        HiveMindConfig config = ConfigLoader.fromTree(Map.of(
                "limits", limits, "auth", auth,
                "transports", Map.of("websocket", Map.of("host", "127.0.0.1", "port", 0),
                        "tcp", Map.of("host", "127.0.0.1", "port", 0))), home);
        PluginCatalog catalog = PluginCatalog.discover(WiredHub.class.getClassLoader());
        HubServer server = HiveMindEngine.create(config, catalog, new InMemoryClientRegistry(clients));
        return new WiredHub(catalog, server, server.start(), home);
    }

    /** A hub with default limits and auth methods that reads its clients from {@code registry}. */
    static WiredHub start(ClientRegistry registry) throws IOException {
        Path home = Files.createTempDirectory("hivemind-wired-hub");
        HiveMindConfig config = ConfigLoader.fromTree(Map.of("transports", Map.of(
                "websocket", Map.of("host", "127.0.0.1", "port", 0))), home);
        PluginCatalog catalog = PluginCatalog.discover(WiredHub.class.getClassLoader());
        HubServer server = HiveMindEngine.create(config, catalog, registry);
        return new WiredHub(catalog, server, server.start(), home);
    }

    /** {@code record} with an enrolled RSA public key. */
    static ClientRecord withPublicKey(ClientRecord record, String publicPem) {
        return record.toBuilder().credential(ClientRecord.RSA, publicPem).build();
    }

    HubLogCapture log() {
        return log;
    }

    HubServer server() {
        return server;
    }

    /** A satellite authenticating with RSA and {@code keys}, connected (or the failure, as an ExecutionException). */
    HiveMindConnection connectRsa(String transport, String accessKey, RsaKeys keys) throws Exception {
        return connect(transport, "rsa", new ClientCredentials(accessKey, null, null,
                Map.of("rsa", "true", "rsa.identity_file", keys.identityFile().toString())));
    }

    /** A satellite of {@code method} with these credentials (or the failure, as an ExecutionException). */
    HiveMindConnection connect(String transport, String method, ClientCredentials credentials) throws Exception {
        ClientAuthFactory auth = PluginCatalog.discover(getClass().getClassLoader()).clientAuth().get(method);
        Path satelliteHome = Files.createTempDirectory(home, "satellite");
        auth.initialize(new EnginePluginContext(PluginSettings.empty(), satelliteHome, Clock.systemUTC(),
                new SecureRandom()));
        HiveMindClient client = HiveMindClient.create(catalog.transports().get(transport), List.of(auth), credentials,
                ClientOptions.defaults());
        opened.add(client::close);
        return client.connect(endpoint(transport)).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** A hand-driven peer admitted with {@code accessKey}. */
    RawPeer raw(String transport, String accessKey) throws InterruptedException, ExecutionException,
            java.util.concurrent.TimeoutException {
        TransportClient client = catalog.transports().get(transport).createClient(PluginSettings.empty());
        opened.add(client);
        RawPeer peer = new RawPeer();
        client.connect(endpoint(transport), new AuthorizationToken("attacker", accessKey), peer::bind)
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
        return peer;
    }

    /** Sends one utterance and expects the echo agent's answer. */
    void echo(HiveMindConnection c, String text) throws InterruptedException {
        c.send(HiveMessage.bus("recognizer_loop:utterance",
                JsonValues.object("utterances", List.of(text), "lang", "en-us"), JsonValues.object()));
        HiveMessage reply = c.poll(Duration.ofSeconds(15)).orElseThrow(() -> new AssertionError("no reply"));
        assertEquals("you said: " + text, ((Map<?, ?>) reply.payload().get("data")).get("utterance"));
    }

    private ClientEndpoint endpoint(String transport) {
        TransportFactory factory = catalog.transports().get(transport);
        int port = bound.get(transport).getPort();
        String scheme = factory.name().equals(SCHEME_TCP) ? "tcp" : "ws";
        return ClientEndpoint.parse(scheme + "://127.0.0.1:" + port, port);
    }

    @Override
    public void close() {
        for (AutoCloseable c : opened) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        server.close();
        log.close();
        try (var files = Files.walk(home)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
