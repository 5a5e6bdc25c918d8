package dev.hivemind.dist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moving from hivemind-core: its {@code clients.json} (fixture {@code fixtures/hivemind-core-clients.json}) imported
 * with {@code import-clients}, then a hub on that database serves an imported client's password handshake over
 * WebSocket, and refuses the entry hivemind-core revoked.
 */
class ImportedClientsIT {
    /** Client 3 of the fixture. */
    private static final String ACCESS_KEY = "c4a8e2f6b0d1937a5c7e9f1b3d5a7c9e";
    private static final String PASSWORD = "living-room-password";

    @TempDir
    Path tmp;

    @Test
    void anImportedClientConnectsWithItsPassword() throws Exception {
        Path file = tmp.resolve("clients.json");
        try (InputStream in = getClass().getResourceAsStream("/fixtures/hivemind-core-clients.json")) {
            Files.copy(in, file);
        }
        Path hubHome = tmp.resolve("hub-home");
        try (Launcher launcher = Launcher.distribution(ItSupport.distribution(), tmp)) {
            Finished imported = launcher.run(hubHome, "import-clients", file.toString());
            assertEquals(0, imported.exitCode(), imported.describe());
            assertTrue(imported.out().contains("Added: 1, 2, 3, 4"), imported.describe());

            RunningHub hub = launcher.listen(hubHome, "--port", "0");
            String url = hub.url("websocket");
            Path satelliteHome = tmp.resolve("satellite-home");

            Finished connect = launcher.run(satelliteHome, "connect", url, "--access-key", ACCESS_KEY,
                    "--password", PASSWORD, "--send", "hello from the living room");
            ItSupport.assertSession(connect, url, "password", 1, "hello from the living room");

            Finished revoked = launcher.run(satelliteHome, "connect", url, "--access-key", "revoked",
                    "--password", PASSWORD, "--send", "hi");
            assertTrue(ItSupport.assertOneLineFailure(revoked).contains("refused the access key"), revoked.describe());

            HubLog log = new HubLog(hub.stop());
            log.assertOneLinePerEvent();
            assertEquals(1, log.count("handshake done websocket-1 (client 3 '"),
                    String.join("\n", log.lines()));
            log.assertNoSecret(Map.of("password", PASSWORD, "access key", ACCESS_KEY));
        }
    }
}
