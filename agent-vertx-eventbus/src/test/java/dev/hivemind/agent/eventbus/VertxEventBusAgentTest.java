package dev.hivemind.agent.eventbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.JsonValues;
import dev.hivemind.engine.client.HiveMindConnection;
import dev.hivemind.engine.runtime.EnginePluginContext;
import dev.hivemind.engine.session.ClientOptions;
import dev.hivemind.engine.tck.HubHarness;
import dev.hivemind.engine.testplugin.TokenClientAuthFactory;
import dev.hivemind.engine.testplugin.TokenServerAuthFactory;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code vertx-eventbus} agent with a verticle that answers: satellites' utterances are published on
 * {@code hivemind.bus}, the verticle replies on {@code hivemind.reply} as OVOS does ({@code reply()}), the satellite gets
 * the {@code speak}. Once on one Vert.x, once across a real clustered event bus (two Hazelcast members on loopback).
 */
class VertxEventBusAgentTest {
    @TempDir
    Path dir;

    /** Answers every utterance with a speak addressed to its source. */
    static final class AnsweringVerticle extends AbstractVerticle {
        @Override
        public void start() {
            vertx.eventBus().<JsonObject>consumer("hivemind.bus", m -> {
                JsonObject ovos = m.body();
                if (!"recognizer_loop:utterance".equals(ovos.getString("type"))) {
                    return;
                }
                JsonObject ctx = ovos.getJsonObject("context");
                String heard = ovos.getJsonObject("data").getJsonArray("utterances").getString(0);
                JsonObject reply = new JsonObject().put("type", "speak")
                        .put("data", new JsonObject().put("utterance", "verticle heard: " + heard
                                + " from " + m.headers().get("site_id")))
                        .put("context", ctx.copy().put("source", ctx.getValue("destination"))
                                .put("destination", ctx.getValue("source")));
                vertx.eventBus().publish("hivemind.reply", reply);
            });
        }
    }

    private void roundTrip(Vertx agentVertx) throws Exception {
        VertxEventBusAgent agent = new VertxEventBusAgent(agentVertx);
        agent.initialize(new EnginePluginContext(PluginSettings.empty(), dir, Clock.systemUTC(), new SecureRandom()));
        ClientRecord client = ClientRecord.builder("key").clientId(1).name("kitchen")
                .credential("token", "secret").build();
        try (HubHarness h = HubHarness.builder().methods(List.of(new TokenServerAuthFactory())).clients(List.of(client))
                .agent(agent).dataDirectory(dir).build()) {
            HiveMindConnection sat = h.connect(h.client(List.of(new TokenClientAuthFactory()),
                    new ClientCredentials("key", null, null, Map.of("token", "secret")),
                    ClientOptions.defaults().withSiteId("kitchen"), dir, Map.of()));
            sat.send(HiveMessage.bus("recognizer_loop:utterance", JsonValues.object("utterances",
                    List.of("lights on")), JsonValues.object()));
            HiveMessage speak = sat.poll(Duration.ofSeconds(20)).orElseThrow(() -> new AssertionError("no reply"));
            assertEquals("speak", speak.payload().get("type"));
            assertEquals("verticle heard: lights on from kitchen",
                    ((Map<?, ?>) speak.payload().get("data")).get("utterance"));
            Map<?, ?> ctx = (Map<?, ?>) speak.payload().get("context");
            assertEquals(sat.sessionId(), ((Map<?, ?>) ctx.get("session")).get("session_id"));
            sat.close();
        } finally {
            agent.stop();
        }
    }

    @Test
    void aVerticleOnTheSameVertxAnswersASatellite() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            vertx.deployVerticle(new AnsweringVerticle()).toCompletionStage().toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            roundTrip(vertx);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aVerticleOnAnotherClusterMemberAnswersASatellite() throws Exception {
        String cluster = "hivemind-test-" + UUID.randomUUID();
        int portA = freePort();
        int portB = freePort();
        Vertx hubSide = clustered(cluster, portA, portB);
        Vertx appSide = null;
        try {
            appSide = clustered(cluster, portB, portA);
            assertTrue(hubSide.isClustered() && appSide.isClustered());
            appSide.deployVerticle(new AnsweringVerticle()).toCompletionStage().toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            roundTrip(hubSide);
        } finally {
            if (appSide != null) {
                appSide.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            }
            hubSide.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    /** A Vert.x in a Hazelcast cluster of its own name, on loopback only (concurrent builds never meet). */
    private static Vertx clustered(String cluster, int port, int otherPort) throws Exception {
        Config config = new Config().setClusterName(cluster);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        NetworkConfig net = config.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
        net.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = net.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1:" + port).addMember("127.0.0.1:" + otherPort);
        VertxOptions options = new VertxOptions();
        options.getEventBusOptions().setHost("127.0.0.1").setPort(0);
        return Vertx.builder().with(options).withClusterManager(new HazelcastClusterManager(config)).buildClustered()
                .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
