package dev.hivemind.dist.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The assembled distribution as a user runs it: {@code bin/hivemind} in separate processes with a fresh data
 * directory. One hub serves WebSocket and TCP on ephemeral ports; satellites connect with each auth mode over each
 * transport; bad credentials fail with one line; the hub stops on SIGTERM and its log holds one line per event and no
 * secret.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributionIT {
    @TempDir
    static Path tmp;

    private Launcher launcher;
    private Path clientHome;
    private AddedClient client;
    private RunningHub hub;
    private Path hubHome;
    /** What the tests did, per transport: {sessions, handshakes rejected}; checked against the hub's log. */
    private final Map<String, int[]> expected = new TreeMap<>();
    private final Map<String, Integer> refusedAccessKeys = new TreeMap<>();

    @BeforeAll
    void startHub() {
        launcher = Launcher.distribution(ItSupport.distribution(), tmp);
        Path hubHome = tmp.resolve("hub-home");
        clientHome = tmp.resolve("satellite-home");
        // the satellite's RSA identity, where 'connect --rsa' finds it, enrolled when the client is added
        Path publicKey = tmp.resolve("satellite.pub.pem");
        ItSupport.writeIdentity(clientHome, publicKey);
        client = AddedClient.parse(launcher.run(hubHome, "add-client", "--name", "it-satellite",
                "--public-key", publicKey.toString()));
        assertEquals(32, client.cryptoKey().length(), "add-client generates a 32-character pre-shared key");
        hub = launcher.listen(hubHome, "--port", "0", "--transport", "websocket,tcp", "--tcp-port", "0",
                "--admin-port", "0");
        this.hubHome = hubHome;
        for (String transport : List.of("websocket", "tcp")) {
            expected.put(transport, new int[2]);
            refusedAccessKeys.put(transport, 0);
        }
    }

    @AfterAll
    void killLeftovers() {
        if (launcher != null) {
            launcher.close();
        }
    }

    @Test
    @Order(0)
    void listenOnAnEmptyDatabaseExplainsHowToAddAClientAndConnect() {
        RunningHub empty = launcher.listen(tmp.resolve("empty-home"), "--port", "0");
        String url = empty.url("websocket");
        RunningHub.Stopped stopped = empty.stop();
        assertTrue(stopped.out().contains("No clients yet. Add one"), stopped.out());
        assertTrue(stopped.out().contains("  hivemind add-client --name my-satellite\n"), stopped.out());
        assertTrue(stopped.out().contains("  hivemind connect " + url
                + " --access-key ACCESS_KEY --password PASSWORD --send \"hello\"\n"), stopped.out());
    }

    @ParameterizedTest(name = "{1} over {0}")
    @Order(1)
    @CsvSource({"websocket, password", "websocket, psk", "websocket, rsa", "tcp, password", "tcp, psk", "tcp, rsa"})
    void aSatelliteConnectsAndGetsAReply(String transport, String mode) {
        String url = hub.url(transport);
        String text = "hello over " + transport + " in " + mode + " mode";
        List<String> args = new ArrayList<>(List.of("connect", url, "--access-key", client.accessKey()));
        switch (mode) {
            case "password" -> args.addAll(List.of("--password", client.password()));
            case "psk" -> args.addAll(List.of("--crypto-key", client.cryptoKey()));
            case "rsa" -> args.add("--rsa");
            default -> throw new IllegalArgumentException(mode);
        }
        args.addAll(List.of("--send", text));
        Finished connect = launcher.run(clientHome, args.toArray(String[]::new));
        expected.get(transport)[0]++;
        ItSupport.assertSession(connect, url, mode, mode.equals("psk") ? 0 : 1, text);
    }

    @ParameterizedTest(name = "over {0}")
    @Order(2)
    @ValueSource(strings = {"websocket", "tcp"})
    void aWrongPasswordFailsWithOneLine(String transport) {
        Finished connect = launcher.run(clientHome, "connect", hub.url(transport), "--access-key", client.accessKey(),
                "--password", "not-the-password-0123", "--send", "hi");
        expected.get(transport)[1]++;
        String line = ItSupport.assertOneLineFailure(connect);
        assertTrue(line.contains("authentication failed") && line.contains("wrong password"), line);
    }

    @ParameterizedTest(name = "over {0}")
    @Order(2)
    @ValueSource(strings = {"websocket", "tcp"})
    void anUnknownAccessKeyFailsWithOneLine(String transport) {
        Finished connect = launcher.run(clientHome, "connect", hub.url(transport), "--access-key",
                "no-such-access-key", "--password", client.password(), "--send", "hi");
        refusedAccessKeys.merge(transport, 1, Integer::sum);
        String line = ItSupport.assertOneLineFailure(connect);
        assertTrue(line.contains("access key"), line);
    }

    @Test
    @Order(3)
    void theAdminPortServesTheHubsCountersAndStatusSumsThemUp() throws Exception {
        Matcher admin = Pattern.compile("(?m)^  admin: (http://127\\.0\\.0\\.1:\\d+)/metrics, ").matcher(hub.output());
        assertTrue(admin.find(), hub.output());
        HttpURLConnection c = (HttpURLConnection) URI.create(admin.group(1) + "/metrics").toURL().openConnection();
        c.setConnectTimeout(5000);
        c.setReadTimeout(5000);
        assertEquals(200, c.getResponseCode());
        String metrics = new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int sessions = expected.values().stream().mapToInt(e -> e[0]).sum();
        int rejected = expected.values().stream().mapToInt(e -> e[1]).sum();
        int unknownKeys = refusedAccessKeys.values().stream().mapToInt(Integer::intValue).sum();
        for (String mode : List.of("password", "psk", "rsa")) {
            assertEquals(2.0, sample(metrics, "hivemind_handshakes_total{method=\"" + mode + "\",outcome=\"established\"}"),
                    mode + " over each transport\n" + metrics);
        }
        assertEquals(rejected, sample(metrics, "hivemind_handshakes_total{method=\"unknown\",outcome=\"refused\"}"),
                metrics);
        assertEquals(unknownKeys, sample(metrics, "hivemind_admissions_refused_total{reason=\"unknown_access_key\","
                + "transport=\"tcp\"}") + sample(metrics, "hivemind_admissions_refused_total{reason=\"unknown_access_key\","
                + "transport=\"websocket\"}"), metrics);
        assertEquals(sessions, sample(metrics, "hivemind_messages_in_total{type=\"bus\"}"), metrics);
        assertTrue(metrics.contains("vertx_http_server_bytes_read_total"), "Vert.x's own meters\n" + metrics);

        Finished status = launcher.run(hubHome, "status");
        assertEquals(0, status.exitCode(), status.describe());
        assertTrue(status.out().startsWith("Hub at " + admin.group(1) + ": UP\n"), status.describe());
        assertTrue(status.out().contains("  handshakes: established " + sessions + ", refused " + rejected + ";"),
                status.describe());
    }

    /** The value of one sample line ({@code name{labels} value}), 0 if absent. */
    private static double sample(String metrics, String series) {
        return metrics.lines().filter(l -> l.startsWith(series + " ")).mapToDouble(l ->
                Double.parseDouble(l.substring(series.length() + 1))).sum();
    }

    @Test
    @Order(3)
    void theHubRunsWithTheHubProfileAndReturnsFreedNativeMemoryWhereItsJavaCan() throws Exception {
        Path cmdline = Path.of("/proc", Long.toString(hub.printedPid()), "cmdline");
        assumeTrue(Files.isReadable(cmdline), "a process's command line is read from /proc (Linux)");
        List<String> jvm = List.of(Files.readString(cmdline, StandardCharsets.UTF_8).split("\0"));
        for (String option : List.of("-XX:+UseSerialGC", "-Xmx64m", "-XX:NewRatio=4", "-XX:CICompilerCount=2",
                "-Dvertx.disableDnsResolver=true")) {
            assertTrue(jvm.contains(option), option + " is part of the hub profile: " + jvm);
        }
        Runtime.Version v = Runtime.version();
        boolean trims = System.getProperty("os.name").equals("Linux") && (v.feature() >= 22
                || v.feature() == 21 && v.update() >= 1 || v.feature() == 17 && v.update() >= 9);
        assertEquals(trims, jvm.contains("-XX:TrimNativeHeapInterval=5000"),
                "native heap trimming on Linux with Java 17.0.9+, 21.0.1+ or 22+ (this is " + v + "); an older "
                        + "Java refuses the option: " + jvm);
    }

    @Test
    @Order(4)
    void theHubStopsOnSigtermAndItsLogHasOneLinePerEventAndNoSecret() {
        RunningHub.Stopped stopped = hub.stop();
        assertEquals(143, stopped.exitCode(), "a JVM ended by SIGTERM exits 128 + 15");
        HubLog log = new HubLog(stopped);
        log.assertOneLinePerEvent();
        Map<String, int[]> seen = log.assertConnectionLifecycles();
        for (String transport : expected.keySet()) {
            assertArrayEquals(expected.get(transport), seen.getOrDefault(transport, new int[2]),
                    transport + ": {sessions, rejected handshakes}\n" + stopped.log());
            assertEquals(refusedAccessKeys.get(transport), (int) log.count(" - rejected " + transport + " from "),
                    transport + ": refused access keys\n" + stopped.log());
        }
        log.assertNoSecret(Map.of("password", client.password(), "pre-shared key", client.cryptoKey(),
                "access key", client.accessKey()));
    }
}
