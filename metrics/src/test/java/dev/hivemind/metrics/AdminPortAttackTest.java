package dev.hivemind.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The admin port under attack from another loopback address: sockets that send half a request and then nothing
 * (slowloris) must not keep {@code /health} from answering, or a supervisor that polls it would restart a healthy hub.
 */
class AdminPortAttackTest {
    @Test
    void halfSentRequestsDoNotStallTheHealthEndpoint() throws Exception {
        try (HubTelemetry telemetry = HubTelemetry.start()) {
            InetSocketAddress admin = telemetry.serve("127.0.0.1", 0,
                    () -> new HubHealth(true, Map.of("websocket", "127.0.0.1:5678"), 0, 0));
            List<Socket> stalled = new ArrayList<>();
            try {
                for (int i = 0; i < 20; i++) {
                    Socket s = new Socket();
                    s.bind(new InetSocketAddress("127.0.0.2", 0));
                    s.connect(admin);
                    OutputStream out = s.getOutputStream();
                    out.write("GET /metrics HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    stalled.add(s);
                }
                HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + admin.getPort()
                        + "/health").toURL().openConnection();
                c.setConnectTimeout(5000);
                c.setReadTimeout(5000);
                assertEquals(200, c.getResponseCode(), "the health check answers while the stalled requests wait");
                c.disconnect();
            } finally {
                for (Socket s : stalled) {
                    s.close();
                }
            }
        }
    }
}
