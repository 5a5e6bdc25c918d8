package dev.hivemind.embedded;

import static dev.hivemind.embedded.Fixtures.CRYPTO_KEY;
import static dev.hivemind.embedded.Fixtures.KEY;
import static dev.hivemind.embedded.Fixtures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a session ended, told apart on the wire: a hub that closes without a reason (an empty close frame, as
 * hivemind-core sends when it drops a satellite), a socket that just drops, and a hub that sends garbage.
 */
class SessionEndTest {
    private EmbeddedHub hub;
    private WireProxy proxy;
    private Satellite satellite;

    @BeforeEach
    void start(@TempDir Path home) throws Exception {
        hub = await(Fixtures.hub(new TestAgent(), home).build().start());
        proxy = new WireProxy(URI.create(hub.url()).getPort());
        satellite = HiveMind.satellite().url("ws://127.0.0.1:" + proxy.port()).accessKey(KEY).cryptoKey(CRYPTO_KEY)
                .build();
    }

    @AfterEach
    void stop() throws Exception {
        satellite.close();
        proxy.close();
        hub.close();
    }

    @Test
    void anEmptyCloseFrameIsAHubCloseWithoutAReason() throws Exception {
        SatelliteSession session = await(satellite.connect());
        proxy.injectAndEnd(new byte[] {(byte) 0x88, 0x00}); // FIN + close, no payload: no status, no reason
        SessionEnd end = await(session.closed());
        assertInstanceOf(SessionEnd.ClosedByHubSilently.class, end, end.describe());
    }

    @Test
    void aCloseFrameWithAReasonIsAHubCloseWithThatReason() throws Exception {
        SatelliteSession session = await(satellite.connect());
        byte[] reason = "go away".getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[4 + reason.length];
        frame[0] = (byte) 0x88;
        frame[1] = (byte) (2 + reason.length);
        frame[2] = (byte) (1000 >> 8);
        frame[3] = (byte) (1000 & 0xff);
        System.arraycopy(reason, 0, frame, 4, reason.length);
        proxy.injectAndEnd(frame);
        SessionEnd end = await(session.closed());
        SessionEnd.ClosedByHub byHub = assertInstanceOf(SessionEnd.ClosedByHub.class, end, end.describe());
        assertEquals(1000, byHub.code());
        assertEquals("go away", byHub.reason());
    }

    @Test
    void aDroppedSocketIsALostConnection() throws Exception {
        SatelliteSession session = await(satellite.connect());
        proxy.drop();
        SessionEnd end = await(session.closed());
        assertInstanceOf(SessionEnd.ConnectionLost.class, end, end.describe());
        assertEquals(1006, end.code());
    }

    @Test
    void garbageFromTheHubFailsTheSessionOnOurSide() throws Exception {
        SatelliteSession session = await(satellite.connect());
        proxy.inject(new byte[] {(byte) 0x81, 0x03, 'x', 'y', 'z'}); // a text frame that is not a HiveMind message
        SessionEnd end = await(session.closed());
        assertInstanceOf(SessionEnd.Failed.class, end, end.describe());
    }
}
