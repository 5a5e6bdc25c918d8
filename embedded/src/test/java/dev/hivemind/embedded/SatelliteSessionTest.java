package dev.hivemind.embedded;

import static dev.hivemind.embedded.Fixtures.CRYPTO_KEY;
import static dev.hivemind.embedded.Fixtures.KEY;
import static dev.hivemind.embedded.Fixtures.PASSWORD;
import static dev.hivemind.embedded.Fixtures.WAIT;
import static dev.hivemind.embedded.Fixtures.await;
import static dev.hivemind.embedded.Fixtures.utterance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.error.ConnectionClosedException;
import dev.hivemind.api.error.AuthenticationException;
import dev.hivemind.api.wire.HiveMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A satellite and a hub from the public entry points: connect, send, receive, and how sessions end. */
class SatelliteSessionTest {
    private final TestAgent agent = new TestAgent();
    private EmbeddedHub hub;

    @BeforeEach
    void startHub(@TempDir Path home) throws Exception {
        hub = await(Fixtures.hub(agent, home).build().start());
    }

    @AfterEach
    void closeHub() {
        hub.close();
    }

    private SatelliteBuilder satellite() {
        return HiveMind.satellite().url(hub.url()).accessKey(KEY).password(PASSWORD).siteId("kitchen");
    }

    @Test
    void sendsCompletesAndReceivesTheEcho() throws Exception {
        try (Satellite satellite = satellite().build()) {
            LinkedBlockingQueue<HiveMessage> inbox = new LinkedBlockingQueue<>();
            SatelliteSession session = await(satellite.connect(inbox::add));
            assertEquals("password", session.info().authMethod());
            assertEquals("kitchen", session.siteId());
            assertNotNull(session.sessionId());
            await(session.send(utterance("hello")));
            HiveMessage back = inbox.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertNotNull(back, "no echo");
            assertEquals(Map.of("utterances", List.of("hello"), "lang", "en-us"), back.payload().get("data"));
            assertEquals(1, hub.openSessions());
        }
    }

    @Test
    void messagesThatArriveBeforeTheHandlerWaitForIt() throws Exception {
        try (Satellite satellite = satellite().build()) {
            SatelliteSession session = await(satellite.connect());
            for (int i = 0; i < 5; i++) {
                await(session.send(utterance("m" + i)));
            }
            org.awaitility.Awaitility.await().atMost(WAIT).until(() -> agent.received().size() == 5);
            LinkedBlockingQueue<HiveMessage> inbox = new LinkedBlockingQueue<>();
            session.messageHandler(inbox::add);
            for (int i = 0; i < 5; i++) {
                HiveMessage m = inbox.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertNotNull(m, "message " + i);
                assertEquals(List.of("m" + i), ((Map<?, ?>) m.payload().get("data")).get("utterances"));
            }
            assertEquals(0, session.droppedMessages());
        }
    }

    @Test
    void ourCloseEndsTheSessionAsClosedByUsAndLaterSendsFail() throws Exception {
        try (Satellite satellite = satellite().build()) {
            SatelliteSession session = await(satellite.connect());
            LinkedBlockingQueue<SessionEnd> ends = new LinkedBlockingQueue<>();
            session.closeHandler(ends::add);
            session.close();
            assertInstanceOf(SessionEnd.ClosedByUs.class, await(session.closed()));
            assertInstanceOf(SessionEnd.ClosedByUs.class, ends.poll(WAIT.toSeconds(), TimeUnit.SECONDS));
            assertFalse(session.isOpen());
            assertInstanceOf(ConnectionClosedException.class,
                    assertThrows(Exception.class, () -> await(session.send(utterance("too late")))));
            assertEquals(0, satellite.openSessions());
        }
    }

    @Test
    void aHubThatShutsDownIsReportedAsClosedByTheHubWithItsReason() throws Exception {
        try (Satellite satellite = satellite().build()) {
            SatelliteSession session = await(satellite.connect());
            hub.close();
            SessionEnd end = await(session.closed());
            SessionEnd.ClosedByHub byHub = assertInstanceOf(SessionEnd.ClosedByHub.class, end, end.describe());
            assertEquals(1001, byHub.code());
            assertEquals("hub shutting down", byHub.reason());
        }
    }

    @Test
    void aWrongPasswordFailsTheConnectWithItsTypedReason() throws Exception {
        try (Satellite satellite = HiveMind.satellite().url(hub.url()).accessKey(KEY).password("wrong").build()) {
            Exception e = assertThrows(Exception.class, () -> await(satellite.connect()));
            assertTrue(e instanceof ConnectionClosedException || e instanceof AuthenticationException, e.toString());
            assertEquals(0, satellite.openSessions());
        }
    }

    @Test
    void aPreSharedKeyAloneIsEnough() throws Exception {
        try (Satellite satellite = HiveMind.satellite().url(hub.url()).accessKey(KEY).cryptoKey(CRYPTO_KEY).build()) {
            SatelliteSession session = await(satellite.connect());
            assertEquals("psk", session.info().authMethod());
        }
    }

    @Test
    void missingPiecesAreReportedWhenBuilding() {
        assertThrows(IllegalArgumentException.class, () -> HiveMind.satellite().accessKey(KEY).password("p").build());
        assertThrows(IllegalArgumentException.class, () -> HiveMind.satellite().url(hub.url()).accessKey(KEY).build());
        IllegalStateException noTransport = assertThrows(IllegalStateException.class,
                () -> HiveMind.satellite().url("quic://127.0.0.1:1").accessKey(KEY).password("p").build());
        assertTrue(noTransport.getMessage().contains("quic://"), noTransport.getMessage());
    }
}
