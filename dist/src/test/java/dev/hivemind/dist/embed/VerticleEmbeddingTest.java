package dev.hivemind.dist.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.transport.ClientEndpoint;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.JsonValues;
import dev.hivemind.auth.password.PasswordClientAuthFactory;
import dev.hivemind.engine.client.HiveMindClient;
import dev.hivemind.engine.client.HiveMindConnection;
import dev.hivemind.engine.session.ClientOptions;
import dev.hivemind.transport.websocket.HiveMindVerticle;
import dev.hivemind.transport.websocket.WebSocketTransportFactory;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link HiveMindVerticle}, the hub as a deployable verticle configured with JSON: a complete hub deployed into the
 * application's own {@code Vertx}, then a satellite connects to it with the password handshake. (The README's
 * embedding examples use {@code HiveMind.hub()} and {@code HiveMind.satellite()}; see examples/embedding.)
 */
class VerticleEmbeddingTest {
    @TempDir
    Path dataDir;

    @Test
    void readmeExampleDeploysAHubThatASatelliteCanUse() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            // --- the README example (with port 0 and a temporary data directory) ---
            JsonObject config = new JsonObject()
                    .put("hub", new JsonObject()
                            .put("data_dir", dataDir.toString())
                            .put("auth", new JsonObject().put("methods", new JsonArray().add("password")))
                            .put("clients", new JsonArray().add(new JsonObject()
                                    .put("access_key", "kitchen-key")
                                    .put("password", "kitchen-password")
                                    .put("name", "kitchen"))))
                    .put("websocket", new JsonObject().put("host", "127.0.0.1").put("port", 0));
            HiveMindVerticle hub = new HiveMindVerticle();
            String deployment = vertx.deployVerticle(hub, new DeploymentOptions().setConfig(config))
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            // --- end of the example ---

            int port = hub.address().getPort();
            // --- the README's client example ---
            HiveMindClient client = HiveMindClient.create(new WebSocketTransportFactory(),
                    List.of(new PasswordClientAuthFactory()),
                    new ClientCredentials("kitchen-key", "kitchen-password", null, Map.of()),
                    ClientOptions.defaults());
            HiveMindConnection c = client.connect(ClientEndpoint.parse("ws://127.0.0.1:" + port, 5678))
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
            c.send(HiveMessage.bus("recognizer_loop:utterance",
                    JsonValues.object("utterances", List.of("hello from the kitchen"), "lang", "en-us"),
                    JsonValues.object()));
            HiveMessage reply = c.poll(Duration.ofSeconds(15)).orElseThrow(() -> new AssertionError("no reply"));
            c.close();
            client.close();
            // --- end of the client example ---
            assertEquals("password", c.sessionInfo().authMethod());
            assertEquals("speak", reply.payload().get("type"));
            assertEquals("you said: hello from the kitchen", ((Map<?, ?>) reply.payload().get("data")).get("utterance"));
            vertx.undeploy(deployment).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }
}
