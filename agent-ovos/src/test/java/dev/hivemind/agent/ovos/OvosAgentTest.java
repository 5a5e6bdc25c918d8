package dev.hivemind.agent.ovos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ovos} agent against a real WebSocket messagebus started here, with an OVOS "skill" on it that answers
 * utterances as OVOS does ({@code reply()}: source and destination swapped, the session kept): an utterance from a
 * satellite round-trips to a {@code speak}, also after the bus restarts in the middle.
 */
class OvosAgentTest {
    @TempDir
    Path dir;

    private Vertx vertx;

    @BeforeEach
    void vertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** An OVOS skill on the bus: answers every utterance with speak, by reply(). */
    private WebSocket skill(int port) throws Exception {
        WebSocket ws = vertx.createWebSocketClient().connect(port, "127.0.0.1", "/core").toCompletionStage()
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        ws.textMessageHandler(text -> {
            JsonObject m = new JsonObject(text);
            if (!"recognizer_loop:utterance".equals(m.getString("type"))) {
                return;
            }
            JsonObject ctx = m.getJsonObject("context");
            String heard = m.getJsonObject("data").getJsonArray("utterances").getString(0);
            JsonObject reply = new JsonObject().put("type", "speak")
                    .put("data", new JsonObject().put("utterance", "skill heard: " + heard))
                    .put("context", ctx.copy().put("source", ctx.getValue("destination"))
                            .put("destination", ctx.getValue("source")));
            ws.writeTextMessage(reply.encode());
        });
        return ws;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    private OvosAgent agent(int port, String reconnectMax) {
        OvosAgent agent = new OvosAgent();
        agent.initialize(new EnginePluginContext(PluginSettings.of(Map.of("url", "ws://127.0.0.1:" + port + "/core",
                "reconnect_initial", "50ms", "reconnect_max", reconnectMax)), dir, Clock.systemUTC(),
                new SecureRandom()));
        return agent;
    }

    private HubHarness hub(OvosAgent agent) {
        return HubHarness.builder().methods(List.of(new TokenServerAuthFactory()))
                .clients(List.of(ClientRecord.builder("key").clientId(1).name("kitchen")
                .credential("token", "secret").build())).agent(agent)
                .dataDirectory(dir).build();
    }

    private HiveMindConnection satellite(HubHarness h) throws Exception {
        return h.connect(h.client(List.of(new TokenClientAuthFactory()),
                new ClientCredentials("key", null, null, Map.of("token", "secret")),
                ClientOptions.defaults().withSiteId("kitchen"), dir, Map.of()));
    }

    private static HiveMessage utterance(String text) {
        return HiveMessage.bus("recognizer_loop:utterance", JsonValues.object("utterances", List.of(text)),
                JsonValues.object());
    }

    private static String spoken(HiveMindConnection c) throws InterruptedException {
        HiveMessage m = c.poll(Duration.ofSeconds(15)).orElseThrow(() -> new AssertionError("no speak came back"));
        assertEquals("speak", m.payload().get("type"), m.payload().toString());
        return (String) ((Map<?, ?>) m.payload().get("data")).get("utterance");
    }

    @Test
    void anUtteranceRoundTripsToSpeakThroughTheBusAlsoAfterTheBusRestarts() throws Exception {
        MiniMessageBus bus = new MiniMessageBus(vertx);
        int port = bus.start(0);
        OvosAgent agent = agent(port, "200ms");
        try (HubHarness h = hub(agent)) {
            skill(port);
            await(() -> bus.connections() == 2, "the agent and the skill on the bus");
            HiveMindConnection sat = satellite(h);

            sat.send(utterance("what time is it"));
            assertEquals("skill heard: what time is it", spoken(sat));
            JsonObject onBus = bus.seen().stream().map(JsonObject::new)
                    .filter(m -> "recognizer_loop:utterance".equals(m.getString("type"))).findFirst().orElseThrow();
            JsonObject ctx = onBus.getJsonObject("context");
            assertTrue(ctx.getString("peer").endsWith("::kitchen::" + sat.sessionId()), ctx.encode());
            assertEquals(sat.sessionId(), ctx.getJsonObject("session").getString("session_id"));
            assertEquals("kitchen", ctx.getJsonObject("session").getString("site_id"));
            assertTrue(bus.seen().stream().anyMatch(t -> t.contains("hive.client.connect")));

            bus.close();
            MiniMessageBus restarted = new MiniMessageBus(vertx);
            restarted.start(port);
            skill(port);
            await(() -> restarted.connections() == 2, "the agent back on the restarted bus");
            sat.send(utterance("are you back"));
            assertEquals("skill heard: are you back", spoken(sat));
            sat.close();
            restarted.close();
        } finally {
            agent.stop();
        }
    }

    @Test
    void whatSatellitesSendWhileTheBusIsAwayIsDeliveredWhenItIsBack() throws Exception {
        MiniMessageBus probe = new MiniMessageBus(vertx);
        int port = probe.start(0);
        probe.close();
        OvosAgent agent = agent(port, "100ms");
        try (HubHarness h = hub(agent)) {
            HiveMindConnection sat = satellite(h);
            sat.send(utterance("while away"));
            MiniMessageBus bus = new MiniMessageBus(vertx);
            bus.start(port);
            await(() -> bus.seen().stream().anyMatch(t -> t.contains("while away")), "the queued utterance");
            bus.close();
        } finally {
            agent.stop();
        }
    }

    @Test
    void ovosCodePushesABroadcastDownAndHearsWhenAPeerIsNotConnected() throws Exception {
        MiniMessageBus bus = new MiniMessageBus(vertx);
        int port = bus.start(0);
        OvosAgent agent = agent(port, "1s");
        try (HubHarness h = hub(agent)) {
            HiveMindConnection sat = satellite(h);
            await(() -> bus.connections() == 1 && h.hub().router().directory().peers().size() == 1,
                    "the agent on the bus and the satellite registered");
            WebSocket ovos = vertx.createWebSocketClient().connect(port, "127.0.0.1", "/core").toCompletionStage()
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);
            JsonObject inner = new JsonObject().put("msg_type", "bus").put("payload", new JsonObject()
                    .put("type", "speak").put("data", new JsonObject().put("utterance", "to everyone"))
                    .put("context", new JsonObject()));
            ovos.writeTextMessage(new JsonObject().put("type", "hive.send.downstream").put("data", new JsonObject()
                    .put("msg_type", "broadcast").put("payload", inner)).put("context", new JsonObject()).encode());
            assertEquals("to everyone", spoken(sat));
            ovos.writeTextMessage(new JsonObject().put("type", "hive.send.downstream").put("data", new JsonObject()
                    .put("msg_type", "bus").put("payload", inner.getJsonObject("payload")).put("peer", "nobody"))
                    .put("context", new JsonObject().put("asked", "me")).encode());
            await(() -> bus.seen().stream().anyMatch(t -> t.contains("hive.client.send.error")
                    && t.contains("\"asked\"") && t.contains("nobody")), "hive.client.send.error with the context");
            bus.close();
        } finally {
            agent.stop();
        }
    }
}
