package dev.hivemind.embedded;

import static dev.hivemind.embedded.Fixtures.KEY;
import static dev.hivemind.embedded.Fixtures.PASSWORD;
import static dev.hivemind.embedded.Fixtures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hivemind.api.error.ConnectFailedException;
import dev.hivemind.api.error.ConnectionClosedException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A satellite given several hubs (the nodes of a cluster) connects to the first that serves, and fails over. */
class SatelliteFailoverTest {
    @TempDir
    Path home;

    private static String nobodyListens() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return "ws://127.0.0.1:" + s.getLocalPort();
        }
    }

    @Test
    void aHubWhereNobodyListensIsPassedOverAndAHubThatGoesAwayIsReplaced() throws Exception {
        EmbeddedHub first = await(Fixtures.hub(new TestAgent(), home.resolve("a")).build().start());
        EmbeddedHub second = await(Fixtures.hub(new TestAgent(), home.resolve("b")).build().start());
        String dead = nobodyListens();
        try (Satellite satellite = HiveMind.satellite().urls(dead, first.url(), second.url()).accessKey(KEY)
                .password(PASSWORD).failover(3, Duration.ofMillis(50), Duration.ofMillis(200)).build()) {
            assertEquals(List.of(dead, first.url(), second.url()), satellite.urls());
            SatelliteSession session = await(satellite.connect());
            assertEquals(first.url(), session.hubUrl());
            first.close();
            assertInstanceOf(SessionEnd.class, await(session.closed()));
            SatelliteSession again = await(satellite.connect());
            assertEquals(second.url(), again.hubUrl(), "the next hub that serves, with a fresh handshake");
            again.close();
        } finally {
            second.close();
        }
    }

    @Test
    void aRefusalOfTheSatelliteItselfIsNotRetriedElsewhere() throws Exception {
        EmbeddedHub hub = await(Fixtures.hub(new TestAgent(), home).build().start());
        try (Satellite satellite = HiveMind.satellite().urls(hub.url(), nobodyListens()).accessKey("unknown-key")
                .password(PASSWORD).failover(5, Duration.ofSeconds(5), Duration.ofSeconds(5)).build()) {
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> satellite.connect().toCompletableFuture().get());
            assertEquals(401, assertInstanceOf(ConnectionClosedException.class, e.getCause()).peerCode());
        } finally {
            hub.close();
        }
    }

    @Test
    void whenNoHubServesTheLastReasonIsReported() throws Exception {
        try (Satellite satellite = HiveMind.satellite().urls(nobodyListens(), nobodyListens()).accessKey(KEY)
                .password(PASSWORD).failover(2, Duration.ofMillis(10), Duration.ofMillis(10)).build()) {
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> satellite.connect().toCompletableFuture().get());
            assertInstanceOf(ConnectFailedException.class, e.getCause());
        }
    }
}
