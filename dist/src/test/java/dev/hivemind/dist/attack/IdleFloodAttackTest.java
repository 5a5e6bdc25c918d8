package dev.hivemind.dist.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, attacks 3 and 4 (SECURITY.md T26, T27): idle sockets cannot fill admission. One address holds at most its
 * share of the connections waiting for admission, the oldest waiting connection makes room when all places are
 * taken, and a WebSocket connection that never completes its upgrade is closed at the admission deadline, not at the
 * idle timeout. Transport settings are the defaults unless a test says otherwise.
 */
class IdleFloodAttackTest {
    private static final int FLOOD = 300;

    @TempDir
    Path home;

    @Test
    void aTcpClientConnectsWhile300IdleSocketsAreHeldFromAnotherAddress() throws Exception {
        try (AttackedHub hub = new AttackedHub(home, Map.of(), Map.of())) {
            List<Socket> idle = new ArrayList<>();
            try {
                for (int i = 0; i < FLOOD; i++) {
                    idle.add(open("127.0.0.2", hub.tcpPort()));
                }
                assertEquals(0, hub.tryHonestly("tcp", AttackedHub.KEY, AttackedHub.PASSWORD));
                assertEquals(0, hub.tryHonestly("websocket", AttackedHub.KEY, AttackedHub.PASSWORD));
            } finally {
                closeAll(idle);
            }
        }
    }

    @Test
    void aTcpClientConnectsWhile300IdleSocketsAreHeldFromManyAddresses() throws Exception {
        try (AttackedHub hub = new AttackedHub(home, Map.of(), Map.of())) {
            List<Socket> idle = new ArrayList<>();
            try {
                for (int i = 0; i < FLOOD; i++) {
                    idle.add(open("127.0.1." + (1 + i % 12), hub.tcpPort()));
                }
                assertEquals(0, hub.tryHonestly("tcp", AttackedHub.KEY, AttackedHub.PASSWORD),
                        "the oldest idle socket makes room for the newcomer");
            } finally {
                closeAll(idle);
            }
        }
    }

    @Test
    void aWebSocketConnectionThatNeverCompletesItsUpgradeIsClosedAtTheAdmissionDeadline() throws Exception {
        int deadlineMillis = 500;
        try (AttackedHub hub = new AttackedHub(home, Map.of(), Map.of("admissionTimeout", deadlineMillis + "ms"))) {
            try (Socket silent = open("127.0.0.2", hub.wsPort());
                    Socket partial = open("127.0.0.3", hub.wsPort())) {
                partial.getOutputStream().write("GET /?authorization=".getBytes(StandardCharsets.US_ASCII));
                assertTrue(closedWithin(silent, deadlineMillis + 2000), "a socket that sends nothing");
                assertTrue(closedWithin(partial, deadlineMillis + 2000), "a socket that stops mid-request");
            }
            assertEquals(0, hub.tryHonestly("websocket", AttackedHub.KEY, AttackedHub.PASSWORD));
        }
    }

    @Test
    void oneAddressHoldsAtMostItsShareOfWebSocketConnectionsWaitingForTheirUpgrade() throws Exception {
        try (AttackedHub hub = new AttackedHub(home, Map.of(), Map.of("maxPendingPerAddress", 4))) {
            List<Socket> idle = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    idle.add(open("127.0.0.2", hub.wsPort()));
                }
                Thread.sleep(200); // let the hub take their places
                try (Socket fifth = open("127.0.0.2", hub.wsPort())) {
                    assertTrue(closedWithin(fifth, 5000), "refused at once: its address holds its share");
                }
                assertEquals(0, hub.tryHonestly("websocket", AttackedHub.KEY, AttackedHub.PASSWORD));
            } finally {
                closeAll(idle);
            }
        }
    }

    private static Socket open(String from, int port) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
        return s;
    }

    /** Whether the hub closes {@code socket} (end of stream or reset) within {@code millis}. */
    private static boolean closedWithin(Socket socket, int millis) throws IOException {
        socket.setSoTimeout(millis);
        InputStream in = socket.getInputStream();
        try {
            while (in.read() >= 0) {
                // an HTTP error response may come first; the socket must still end
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private static void closeAll(List<Socket> sockets) {
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException e) {
                // best effort
            }
        }
    }
}
