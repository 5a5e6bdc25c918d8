package dev.hivemind.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.runtime.HubRuntimeProvider;
import dev.hivemind.api.transport.AuthorizationToken;
import dev.hivemind.api.transport.ClientEndpoint;
import dev.hivemind.api.transport.ClientTls;
import dev.hivemind.api.transport.Connection;
import dev.hivemind.api.transport.Frame;
import dev.hivemind.api.transport.ServerTransportConfig;
import dev.hivemind.engine.tck.transport.RecordingAcceptor;
import dev.hivemind.engine.tck.transport.RecordingHandler;
import dev.hivemind.transport.vertx.TransportSettings;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HiveMindVerticleTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterAll
    void closeVertx() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    // ---------------------------------------------------------------- configuration

    @Test
    void readsTheWebSocketSectionWithDefaults() {
        VerticleConfig c = VerticleConfig.from(new JsonObject());
        assertEquals("0.0.0.0", c.server().host());
        assertEquals(5678, c.server().port());
        assertEquals(1 << 20, c.server().maxFrameBytes());
        assertEquals(Duration.ofMinutes(5), c.server().idleTimeout());
        assertEquals(false, c.server().tls().enabled());
        assertEquals(Map.of(), c.hub());
    }

    @Test
    void readsEveryWebSocketKey() {
        VerticleConfig c = VerticleConfig.from(new JsonObject()
                .put("hub", new JsonObject().put("keys", new JsonArray().add("a").add("b"))
                        .put("nested", new JsonObject().put("x", 1)))
                .put("websocket", new JsonObject().put("host", "127.0.0.1").put("port", 0).put("maxFrameBytes", 4096)
                        .put("idleTimeout", "30s").put("dataDirectory", "/tmp/hm")
                        .put("tls", new JsonObject().put("enabled", true).put("certFile", "/c.pem").put("keyFile", "/k.pem"))
                        .put("settings", new JsonObject().put("closingTimeout", "2s"))));
        assertEquals(Map.of("keys", List.of("a", "b"), "nested", Map.of("x", 1)), c.hub(), "plain maps and lists");
        ServerTransportConfig s = c.server();
        assertEquals("127.0.0.1", s.host());
        assertEquals(0, s.port());
        assertEquals(4096, s.maxFrameBytes());
        assertEquals(Duration.ofSeconds(30), s.idleTimeout());
        assertEquals(Path.of("/tmp/hm"), s.dataDirectory());
        assertTrue(s.tls().enabled());
        assertEquals(Path.of("/c.pem"), s.tls().certFile());
        assertEquals(Path.of("/k.pem"), s.tls().keyFile());
        assertEquals(Duration.ofSeconds(2), TransportSettings.from(s.settings(), 4096).closingTimeout());
    }

    @Test
    void namesUnknownKeys() {
        IllegalArgumentException top = assertThrows(IllegalArgumentException.class,
                () -> VerticleConfig.from(new JsonObject().put("websockets", new JsonObject())));
        assertTrue(top.getMessage().contains("[websockets]") && top.getMessage().contains("websocket"), top.getMessage());
        IllegalArgumentException inner = assertThrows(IllegalArgumentException.class,
                () -> VerticleConfig.from(new JsonObject().put("websocket", new JsonObject().put("prot", 1))));
        assertTrue(inner.getMessage().contains("[prot]"), inner.getMessage());
        IllegalArgumentException tls = assertThrows(IllegalArgumentException.class, () -> VerticleConfig.from(
                new JsonObject().put("websocket", new JsonObject().put("tls", new JsonObject().put("on", true)))));
        assertTrue(tls.getMessage().contains("[on]"), tls.getMessage());
        IllegalArgumentException badPort = assertThrows(IllegalArgumentException.class, () -> VerticleConfig.from(
                new JsonObject().put("websocket", new JsonObject().put("port", 70000))));
        assertTrue(badPort.getMessage().contains("port"), badPort.getMessage());
    }

    // ---------------------------------------------------------------- deployment

    private static Throwable deploymentFailure(Vertx vertx, HiveMindVerticle verticle, JsonObject config) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> vertx.deployVerticle(verticle,
                new DeploymentOptions().setConfig(config)).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));
        return e.getCause();
    }

    @Test
    void failsClearlyWhenNoHubProviderIsPresent() {
        ClassLoader empty = new URLClassLoader(new URL[0], null);
        Throwable cause = deploymentFailure(vertx, new HiveMindVerticle(empty), new JsonObject());
        assertTrue(cause.getMessage().contains("no dev.hivemind.api.runtime.HubRuntimeProvider")
                && cause.getMessage().contains("hivemind-engine"), cause.getMessage());
    }

    @Test
    void failsClearlyOnABadConfiguration() {
        Throwable cause = deploymentFailure(vertx, new HiveMindVerticle(), new JsonObject().put("hubb", new JsonObject()));
        assertTrue(cause.getMessage().startsWith("HiveMindVerticle: unknown key(s) [hubb]"), cause.getMessage());
    }

    /** A class loader that sees exactly one HubRuntimeProvider: the test's. */
    private static ClassLoader onlyTestProvider(Path dir) throws IOException {
        Path services = dir.resolve("services");
        Files.writeString(services, TestHubRuntimeProvider.class.getName() + "\n");
        URL url = services.toUri().toURL();
        String name = "META-INF/services/" + HubRuntimeProvider.class.getName();
        return new ClassLoader(HiveMindVerticleTest.class.getClassLoader()) {
            @Override
            public Enumeration<URL> getResources(String resource) throws IOException {
                return resource.equals(name) ? Collections.enumeration(List.of(url)) : super.getResources(resource);
            }
        };
    }

    @Test
    void servesTheProvidersHubAndClosesItOnUndeploy(@TempDir Path dir) throws Exception {
        HiveMindVerticle verticle = new HiveMindVerticle(onlyTestProvider(dir));
        JsonObject config = new JsonObject()
                .put("hub", new JsonObject().put("keys", new JsonArray().add("verticle-key")))
                .put("websocket", new JsonObject().put("host", "127.0.0.1").put("port", 0));
        int closedBefore = TestHubRuntimeProvider.CLOSED.get();
        String id = vertx.deployVerticle(verticle, new DeploymentOptions().setConfig(config))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals(Map.of("keys", List.of("verticle-key")), TestHubRuntimeProvider.lastConfiguration);

        try (WebSocketTransportClient client = new WebSocketTransportClient(vertx, PluginSettings.empty())) {
            ClientEndpoint endpoint = new ClientEndpoint("ws", "127.0.0.1", verticle.address().getPort(),
                    ClientTls.defaults(), 1 << 20, Duration.ofSeconds(5));
            AtomicReference<RecordingHandler> handler = new AtomicReference<>();
            Connection connection = client.connect(endpoint, new AuthorizationToken("app", "verticle-key"), c -> {
                handler.set(RecordingHandler.recorder(c));
                return handler.get();
            }).toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertEquals(RecordingAcceptor.GREETING, handler.get().nextText());
            connection.send(Frame.text("through the verticle"));
            assertEquals("through the verticle", handler.get().nextText());

            CompletableFuture<Void> undeployed = vertx.undeploy(id).toCompletionStage().toCompletableFuture();
            assertEquals(1001, handler.get().awaitClose().code());
            undeployed.get(10, TimeUnit.SECONDS);
        }
        assertEquals(closedBefore + 1, TestHubRuntimeProvider.CLOSED.get(), "undeploy closes the hub");
    }
}
