package dev.hivemind.embedded;

import static dev.hivemind.embedded.Fixtures.KEY;
import static dev.hivemind.embedded.Fixtures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hivemind.api.registry.ClientRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A warning about the configuration, such as a pre-shared key shorter than 32 characters, is logged once per satellite,
 * not once per connection (it goes through SLF4J; slf4j-simple writes it to standard error here).
 */
class OneTimeWarningTest {
    private static final String SHORT_KEY = "0123456789abcdef";
    private static final String WARNING = "uses a pre-shared crypto_key shorter than";

    @Test
    void aShortPreSharedKeyIsReportedOncePerSatellite(@TempDir Path home) throws Exception {
        HubBuilder hub = HiveMind.hub().listen("ws://127.0.0.1:0").eventLoops(1).agent(new TestAgent())
                .dataDirectory(home).client(ClientRecord.builder(KEY).clientId(1).name("kitchen").cryptoKey(SHORT_KEY)
                        .build())
                .config(Map.of("auth", Map.of("methods", List.of("psk"))));
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (EmbeddedHub running = await(hub.build().start())) {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            for (int satellites = 0; satellites < 2; satellites++) {
                try (Satellite satellite = HiveMind.satellite().url(running.url()).accessKey(KEY).cryptoKey(SHORT_KEY)
                        .build()) {
                    for (int i = 0; i < 3; i++) {
                        await(satellite.connect()).close();
                    }
                }
            }
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        long satelliteWarnings = log.lines().filter(l -> l.contains(WARNING) && l.contains("PskClientAuthFactory"))
                .count();
        assertEquals(2, satelliteWarnings, "one warning per satellite, six connections:\n" + log);
    }
}
