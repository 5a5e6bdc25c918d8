package dev.hivemind.embedded;

import static dev.hivemind.embedded.Fixtures.CRYPTO_KEY;
import static dev.hivemind.embedded.Fixtures.KEY;
import static dev.hivemind.embedded.Fixtures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.error.ConnectFailedException;
import dev.hivemind.api.error.HandshakeTimeoutException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code connect()} has one deadline from the first byte: a hub that accepts the TCP connection and then says nothing
 * (no upgrade, no TLS, no HELLO) fails it with a typed timeout, whatever the phase.
 */
class ConnectDeadlineTest {
    private static final Duration DEADLINE = Duration.ofMillis(700);

    /** Accepts connections and never writes a byte. */
    private static final class SilentServer implements AutoCloseable {
        private final ServerSocket socket;
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();

        SilentServer() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        accepted.add(socket.accept());
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "silent-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ws", "wss", "tcp", "tcps"})
    void aHubThatNeverAnswersFailsTheConnectAtTheDeadline(String scheme) throws Exception {
        try (SilentServer server = new SilentServer();
                Satellite satellite = HiveMind.satellite().url(scheme + "://127.0.0.1:" + server.port())
                        .accessKey(KEY).cryptoKey(CRYPTO_KEY).connectTimeout(DEADLINE).build()) {
            Exception e = assertThrows(Exception.class, () -> await(satellite.connect()));
            HandshakeTimeoutException timeout = assertInstanceOf(HandshakeTimeoutException.class, e, e.toString());
            assertTrue(timeout.getMessage().contains("within " + DEADLINE.toMillis() + " ms"), timeout.getMessage());
            assertEquals(0, satellite.openSessions());
        }
    }

    @Test
    void nothingListeningFailsTheConnectAsUnreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (Satellite satellite = HiveMind.satellite().url("ws://127.0.0.1:" + port).accessKey(KEY)
                .cryptoKey(CRYPTO_KEY).connectTimeout(Duration.ofSeconds(5)).build()) {
            Exception e = assertThrows(Exception.class, () -> await(satellite.connect()));
            assertInstanceOf(ConnectFailedException.class, e, e.toString());
            assertEquals(0, satellite.openSessions());
        }
    }
}
