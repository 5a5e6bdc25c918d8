package dev.hivemind.examples.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.embedded.SatelliteSession;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the examples of the README: a hub in a Vert.x application, a plain-Java satellite that connects, says
 * something, hears the answer, and reconnects on its own when the hub restarts.
 */
class EmbeddingExampleTest {
    private static final long WAIT_SECONDS = 30;

    private static <T> T await(io.vertx.core.Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private static <T> T await(java.util.concurrent.CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void aSatelliteTalksToAHubInAVertxApplicationAndReconnectsWhenTheHubRestarts(@TempDir Path home)
            throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            HubVerticle first = new HubVerticle("ws://127.0.0.1:0", home);
            String deployment = await(vertx.deployVerticle(first));
            String url = first.url();
            LinkedBlockingQueue<String> spoken = new LinkedBlockingQueue<>();
            try (KitchenSatellite kitchen = new KitchenSatellite(url, "kitchen-key", "kitchen-password",
                    spoken::add)) {
                SatelliteSession session = await(kitchen.start());
                await(kitchen.say("what time is it"));
                assertEquals("you said: what time is it", spoken.poll(WAIT_SECONDS, TimeUnit.SECONDS));

                await(vertx.undeploy(deployment)); // the hub stops: the session ends, the satellite retries
                assertTrue(await(session.closed()).code() == 1001);
                HubVerticle second = new HubVerticle("ws://127.0.0.1:" + URI.create(url).getPort(), home);
                await(vertx.deployVerticle(second));
                SatelliteSession again = await(kitchen.connected());
                assertNotEquals(session.sessionId(), again.sessionId());
                await(kitchen.say("are you back"));
                assertEquals("you said: are you back", spoken.poll(WAIT_SECONDS, TimeUnit.SECONDS));
            }
            try (KitchenSatellite once = new KitchenSatellite(url, "kitchen-key", "kitchen-password", spoken::add)) {
                await(once.connectOnce());
                await(once.say("once"));
                assertEquals("you said: once", spoken.poll(WAIT_SECONDS, TimeUnit.SECONDS));
            }
            CompletableFuture<Long> stillRunning = new CompletableFuture<>();
            vertx.setTimer(1, stillRunning::complete);
            stillRunning.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }
}
