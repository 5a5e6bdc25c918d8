package dev.hivemind.embedded;

import static dev.hivemind.embedded.Fixtures.CRYPTO_KEY;
import static dev.hivemind.embedded.Fixtures.KEY;
import static dev.hivemind.embedded.Fixtures.WAIT;
import static dev.hivemind.embedded.Fixtures.utterance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.wire.HiveMessage;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Vert.x application's own {@link Vertx}: the hub and the satellite run on it, their futures complete on the
 * caller's context, and closing them leaves it open and working.
 */
class SharedVertxTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void closeVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** A verticle that starts a hub and a satellite and exchanges one message, all through futures. */
    private static final class Application extends VerticleBase {
        private final Path home;
        final CompletableFuture<HiveMessage> reply = new CompletableFuture<>();
        final CompletableFuture<Boolean> onOwnContext = new CompletableFuture<>();
        EmbeddedHub hub;
        Satellite satellite;

        Application(Path home) {
            this.home = home;
        }

        @Override
        public Future<?> start() {
            Context mine = context;
            hub = Fixtures.hub(new TestAgent(), home).vertx(vertx).build();
            return hub.futures().start().compose(started -> {
                satellite = HiveMind.satellite().vertx(vertx).url(started.url()).accessKey(KEY).cryptoKey(CRYPTO_KEY)
                        .build();
                return satellite.futures().connect(message -> {
                    assertSame(vertx, Vertx.currentContext().owner());
                    reply.complete(message);
                });
            }).compose(session -> {
                onOwnContext.complete(Vertx.currentContext() == mine);
                return session.futures().send(utterance("on the application's Vert.x"));
            });
        }
    }

    @Test
    void hubAndSatelliteRunOnTheApplicationsVertxAndLeaveItOpen(@TempDir Path home) throws Exception {
        Set<String> before = hiveMindThreads();
        Application app = new Application(home);
        vertx.deployVerticle(app).toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertNotNull(app.reply.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertTrue(app.onOwnContext.get(WAIT.toSeconds(), TimeUnit.SECONDS), "the future completed elsewhere");

        app.satellite.futures().close().toCompletionStage().toCompletableFuture()
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        app.hub.futures().close().toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);

        CompletableFuture<Long> timer = new CompletableFuture<>();
        vertx.setTimer(1, timer::complete);
        assertInstanceOf(Long.class, timer.get(WAIT.toSeconds(), TimeUnit.SECONDS), "the Vert.x instance was closed");
        Awaitility.await().pollInSameThread().atMost(WAIT).untilAsserted(() -> assertEquals(before, hiveMindThreads()));
    }

    /** Threads HiveMind starts itself (worker pools); Vert.x's own belong to the application here. */
    private static Set<String> hiveMindThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("hivemind")).collect(Collectors.toSet());
    }
}
