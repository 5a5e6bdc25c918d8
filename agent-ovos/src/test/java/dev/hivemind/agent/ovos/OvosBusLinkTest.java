package dev.hivemind.agent.ovos;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.plugin.PluginSettings;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The link to the OVOS messagebus when the bus stops reading (a stuck or slow bus process): what satellites send
 * waits in the bounded queue instead of piling up in the socket's unbounded write buffer, and the oldest is dropped
 * beyond the bound. Before, a satellite flooding BUS messages grew the hub's memory without limit.
 */
class OvosBusLinkTest {
    private Vertx vertx;

    @BeforeEach
    void vertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
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

    @Test
    void aBusThatStopsReadingGetsTheNewestMessagesLaterAndTheHubKeepsOnlyABoundedQueue() throws Exception {
        CompletableFuture<ServerWebSocket> accepted = new CompletableFuture<>();
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer bus = vertx.createHttpServer(new HttpServerOptions().setMaxWebSocketFrameSize(1 << 20)
                .setMaxWebSocketMessageSize(1 << 20)).webSocketHandler(ws -> {
                    if (accepted.complete(ws)) {
                        ws.pause(); // a bus that reads nothing (until the test resumes it)
                    }
                    ws.textMessageHandler(received::add);
                });
        int port = bus.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)
                .actualPort();
        OvosSettings settings = OvosSettings.from(PluginSettings.of(Map.of("url", "ws://127.0.0.1:" + port + "/core",
                "queue", 64)));
        Vertx own = Vertx.vertx();
        try {
            OvosBusLink link = new OvosBusLink(own, settings, text -> { });
            link.start();
            ServerWebSocket ws = accepted.get(10, TimeUnit.SECONDS);
            String filler = "x".repeat(64 * 1024);
            for (int i = 0; i < 400; i++) {
                link.send("{\"type\":\"m" + i + "\",\"data\":{\"f\":\"" + filler + "\"}}");
            }
            link.send("{\"type\":\"last\"}");
            await(() -> link.dropped() > 0, "the link to drop what the bus cannot take");
            assertTrue(link.queuedChars() <= OvosBusLink.MAX_QUEUED_CHARS, "the queue stays bounded");
            ws.resume();
            await(() -> received.stream().anyMatch(t -> t.contains("\"last\"")), "the newest message, once the bus "
                    + "reads again");
            link.close();
        } finally {
            own.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
