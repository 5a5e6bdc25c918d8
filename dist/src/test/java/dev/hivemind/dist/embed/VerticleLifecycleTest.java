package dev.hivemind.dist.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

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
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hub deployed as a verticle owns every thread it starts (worker pools, scheduler) and closes them on undeploy:
 * deploying, using (one handshake and one message, so every pool has run) and undeploying it 50 times in one JVM leaves
 * the live thread count where it started. The application's {@code Vertx} is its own and is kept to one thread per
 * pool, so its threads cannot vary from one deployment to the next.
 */
class VerticleLifecycleTest {
    private static final int DEPLOYMENTS = 50;

    @TempDir
    Path dataDir;

    @Test
    void fiftyDeploymentsLeaveTheLiveThreadCountWhereItStarted() throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
        HiveMindClient client = HiveMindClient.create(new WebSocketTransportFactory(),
                List.of(new PasswordClientAuthFactory()),
                new ClientCredentials("kitchen-key", "kitchen-password", null, Map.of()), ClientOptions.defaults());
        try {
            // warm up: the JVM's, Vert.x's and the satellite's own lazily started threads exist from here on
            useOnce(vertx, client);
            useOnce(vertx, client);
            Set<String> before = liveThreads();
            for (int i = 0; i < DEPLOYMENTS; i++) {
                useOnce(vertx, client);
            }
            // well within the 30 s an idle pool thread would take to time out on its own
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (liveThreads().size() > before.size()) {
                if (System.nanoTime() > end) {
                    Set<String> extra = liveThreads();
                    extra.removeAll(before);
                    fail(DEPLOYMENTS + " deployments left threads behind: " + extra);
                }
                Thread.sleep(20);
            }
        } finally {
            client.close();
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    /** Deploys a hub, completes a password handshake and one message with it, and undeploys it. */
    private void useOnce(Vertx vertx, HiveMindClient client) throws Exception {
        JsonObject config = new JsonObject()
                .put("hub", new JsonObject()
                        .put("data_dir", dataDir.toString())
                        .put("auth", new JsonObject().put("methods", new JsonArray().add("password")))
                        .put("clients", new JsonArray().add(new JsonObject().put("access_key", "kitchen-key")
                                .put("password", "kitchen-password").put("name", "kitchen"))))
                .put("websocket", new JsonObject().put("host", "127.0.0.1").put("port", 0));
        HiveMindVerticle hub = new HiveMindVerticle();
        String deployment = vertx.deployVerticle(hub, new DeploymentOptions().setConfig(config))
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        int port = hub.address().getPort();
        HiveMindConnection c = client.connect(ClientEndpoint.parse("ws://127.0.0.1:" + port, port))
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
        c.send(HiveMessage.bus("recognizer_loop:utterance",
                JsonValues.object("utterances", List.of("hello"), "lang", "en-us"), JsonValues.object()));
        HiveMessage reply = c.poll(Duration.ofSeconds(15)).orElseThrow(() -> new AssertionError("no reply"));
        assertEquals("speak", reply.payload().get("type"));
        c.close();
        c.closed().toCompletableFuture().get(30, TimeUnit.SECONDS);
        vertx.undeploy(deployment).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** Live threads, by name and id. */
    private static Set<String> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .map(t -> t.getName() + "#" + t.getId()).collect(Collectors.toSet());
    }
}
