package dev.hivemind.dist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code bin/hivemind-load} against a real hub ({@code bin/hivemind listen}, WebSocket on loopback): each mode runs
 * briefly and writes a report with the operations it completed, no failures, the latency percentiles and both
 * processes' CPU time. Nothing here is a timing assertion: the numbers only have to exist.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoadToolIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    private Launcher hivemind;
    private Launcher load;
    private AddedClient client;
    private AddedClient rsaClient;
    private RunningHub hub;
    private String url;
    private int reports;

    @BeforeAll
    void startHub() {
        Path dist = ItSupport.distribution();
        hivemind = Launcher.distribution(dist, tmp);
        load = new Launcher(List.of(dist.resolve("bin/hivemind-load").toString()), tmp);
        Path hubHome = tmp.resolve("hub-home");
        try {
            // a hub under load from one satellite address: the per-source limits would refuse it, so they are off;
            // the RSA client holds no key, so the generator's key is enrolled on its first handshake
            Files.createDirectories(hubHome);
            Files.writeString(hubHome.resolve("hivemind.yaml"), String.join("\n",
                    "limits:", "  max_auth_failures: 0", "  max_address_failures: 0", "  kdf_per_client: 0",
                    "  kdf_per_address: 0", "  max_pending_per_address: 1000",
                    "auth:", "  rsa:", "    enroll_on_first_use: true", ""));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        client = AddedClient.parse(hivemind.run(hubHome, "add-client", "--name", "load-satellite"));
        rsaClient = AddedClient.parseAccessKeyOnly(hivemind.run(hubHome, "add-client", "--name", "load-rsa", "--no-password",
                "--no-crypto-key"));
        hub = hivemind.listen(hubHome, "--port", "0");
        url = hub.url("websocket");
    }

    @AfterAll
    void stop() {
        if (hivemind != null) {
            hivemind.close();
        }
    }

    @ParameterizedTest(name = "handshakes, {0}")
    @ValueSource(strings = {"password", "psk", "rsa"})
    void handshakesModeReportsRatesLatencyAndBothSidesCpu(String auth) throws IOException {
        JsonNode r = run("handshakes", auth, "--concurrency", "2", "--duration", "2");
        assertTrue(r.at("/operations/completed").asLong() > 0, r.toString());
        assertTrue(r.at("/latency_ms/p50").asDouble() > 0, r.toString());
        assertTrue(r.at("/latency_ms/p999").asDouble() >= r.at("/latency_ms/p99").asDouble(), r.toString());
        assertTrue(r.at("/hub/cpu_ms_per_op").isNumber(), r.toString());
        assertTrue(r.at("/generator/cpu_ms_per_op").isNumber(), r.toString());
    }

    @Test
    void messagesModeRoundTripsThroughTheEcho() throws IOException {
        JsonNode r = run("messages", "psk", "--connections", "4", "--duration", "2");
        assertTrue(r.at("/operations/completed").asLong() > 0, r.toString());
        assertEquals(4, r.at("/mode_results/sessions").asInt(), r.toString());
        assertTrue(r.at("/latency_ms/p99").asDouble() > 0, r.toString());
    }

    @Test
    void messagesModeSendsAtARateWithoutWaiting() throws IOException {
        JsonNode r = run("messages", "password", "--connections", "2", "--rate", "200", "--send-only", "--duration",
                "2");
        assertTrue(r.at("/operations/completed").asLong() > 0, r.toString());
        assertTrue(r.at("/hub/rss_end_kib").asLong() > 0, r.toString());
    }

    @Test
    void idleModeHoldsSessionsAndMeasuresTheHubPerSession() throws IOException {
        JsonNode r = run("idle", "psk", "--connections", "20", "--concurrency", "8", "--duration", "1");
        assertEquals(20, r.at("/mode_results/established").asInt(), r.toString());
        assertEquals(20, r.at("/mode_results/alive_at_end").asInt(), r.toString());
        assertTrue(r.at("/mode_results/hub_rss_per_session_kib").isNumber(), r.toString());
    }

    @Test
    void idleModeCountsSessionsThatCouldNotOpenAsFailures() throws IOException {
        Path report = tmp.resolve("report-refused.json");
        Finished run = load.run(tmp.resolve("load-home"), "idle", url, "--auth", "psk", "--access-key",
                "no-such-client", "--crypto-key", client.cryptoKey(), "--connections", "3", "--concurrency", "3",
                "--duration", "1", "--report", report.toString(), "--home", tmp.resolve("load-home").toString());
        JsonNode r = JSON.readTree(report.toFile());
        assertEquals(0, r.at("/mode_results/established").asInt(), run.describe());
        assertEquals(3, r.at("/operations/failed").asLong(), r.toString());
        assertTrue(r.get("failures").toString().contains("opening-"), r.toString());
        assertTrue(run.err().contains("3 failed"), run.describe());
    }

    private JsonNode run(String mode, String auth, String... more) throws IOException {
        Path report = tmp.resolve("report-" + (++reports) + ".json");
        String accessKey = auth.equals("rsa") ? rsaClient.accessKey() : client.accessKey();
        List<String> args = new ArrayList<>(List.of(mode, url, "--auth", auth, "--access-key", accessKey,
                "--hub-pid", Long.toString(hub.printedPid()), "--report", report.toString(), "--home",
                tmp.resolve("load-home").toString()));
        args.addAll(switch (auth) {
            case "password" -> List.of("--password", client.password());
            case "psk" -> List.of("--crypto-key", client.cryptoKey());
            default -> List.<String>of();
        });
        args.addAll(List.of(more));
        Finished run = load.run(tmp.resolve("load-home"), args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(run.err().contains(mode + ": "), "a one-line summary on standard error\n" + run.describe());
        JsonNode r = JSON.readTree(report.toFile());
        assertEquals(mode, r.get("mode").asText());
        assertEquals(0, r.at("/operations/failed").asLong(), r.toString());
        assertTrue(r.get("failures").isEmpty(), r.toString());
        return r;
    }
}
