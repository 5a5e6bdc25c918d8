package dev.hivemind.dist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The commands off the happy path, as a user meets them: a hub that closes the connection, a port where nothing
 * answers, a TLS certificate that is not trusted or a pin that does not match, a library's warning. One hub serves
 * WebSocket with TLS and plain TCP on loopback; a socket of the test accepts connections and never answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TroubleshootingIT {
    private static final Pattern PIN = Pattern.compile("(?m)^  TLS pin \\(SPKI SHA-256\\): ([0-9a-f]{64})$");
    /** A JVM start and a connect stay well under this; the old deadline handling took the timeout plus 5 s. */
    private static final long TIMEOUT_SECONDS = 3;
    private static final long REPORTED_WITHIN_MILLIS = TIMEOUT_SECONDS * 1000 + 4500;

    @TempDir
    static Path tmp;

    private Launcher launcher;
    private Path satelliteHome;
    private AddedClient client;
    private AddedClient legacyClient;
    private RunningHub hub;
    private ServerSocket silent;
    private final List<Socket> held = new ArrayList<>();

    @BeforeAll
    void startHubAndSilentPort() throws IOException {
        launcher = Launcher.distribution(ItSupport.distribution(), tmp);
        Path hubHome = tmp.resolve("hub-home");
        satelliteHome = tmp.resolve("satellite-home");
        client = AddedClient.parse(launcher.run(hubHome, "add-client", "--name", "bedroom"));
        legacyClient = AddedClient.parse(launcher.run(hubHome, "add-client", "--name", "legacy",
                "--crypto-key", "0123456789abcdef"));
        Path config = Files.writeString(tmp.resolve("hivemind.yaml"), String.join("\n",
                "transports:",
                "  websocket: {enabled: true, host: 127.0.0.1, port: 0, tls: {enabled: true}}",
                "  tcp: {enabled: true, host: 127.0.0.1, port: 0}", ""));
        hub = launcher.listen(hubHome, "--config", config.toString());

        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accepter = new Thread(() -> {
            while (!silent.isClosed()) {
                try {
                    Socket s = silent.accept();
                    synchronized (held) {
                        held.add(s);
                    }
                } catch (IOException e) {
                    return;
                }
            }
        }, "silent-port");
        accepter.setDaemon(true);
        accepter.start();
    }

    @AfterAll
    void stopEverything() throws IOException {
        silent.close();
        synchronized (held) {
            for (Socket s : held) {
                s.close();
            }
        }
        launcher.close();
    }

    private String pin() {
        Matcher m = PIN.matcher(hub.output());
        assertTrue(m.find(), "no TLS pin in the banner:\n" + hub.output());
        return m.group(1);
    }

    @Test
    void theBannerShowsTheBoundAddressAndTheTlsPin() {
        String banner = hub.output();
        assertTrue(banner.contains("  listening: websocket wss://127.0.0.1:"), banner);
        assertTrue(banner.contains("  listening: tcp tcp://127.0.0.1:"), banner);
        assertFalse(banner.contains("0.0.0.0"), "the hub is bound to 127.0.0.1 only:\n" + banner);
        assertEquals(64, pin().length());
    }

    @Test
    void aHubThatClosesTheConnectionEndsTheWaitForAReply() {
        // a wrong pre-shared key: the hub cannot read the message and closes the connection at once
        Finished run = launcher.run(satelliteHome, "connect", hub.url("tcp"), "--access-key", client.accessKey(),
                "--crypto-key", "0123456789abcdef0123456789abcdeX", "--send", "hi", "--wait", "600");
        assertTrue(run.out().contains("sent: hi"), run.describe());
        String line = ItSupport.assertOneLineFailure(run, true);
        assertTrue(line.contains("closed"), line);
        assertFalse(line.contains("no reply"), line);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tcp", "ws"})
    void aPortWhereNothingAnswersIsReportedWhenTheTimeoutEnds(String scheme) {
        String address = "127.0.0.1:" + silent.getLocalPort();
        long start = System.nanoTime();
        Finished run = launcher.run(satelliteHome, "connect", scheme + "://" + address, "--access-key",
                client.accessKey(), "--password", client.password(), "--timeout", Long.toString(TIMEOUT_SECONDS));
        long millis = (System.nanoTime() - start) / 1_000_000;
        String line = ItSupport.assertOneLineFailure(run);
        assertEquals("hivemind: no answer from " + address + " within " + TIMEOUT_SECONDS + " s (--timeout); is a"
                + " HiveMind hub serving " + scheme + ":// on this port?", line);
        assertTrue(millis < REPORTED_WITHIN_MILLIS, "reported after " + millis + " ms");
    }

    @Test
    void anUntrustedCertificateIsExplainedWithTheWaysToTrustIt() {
        Finished run = launcher.run(satelliteHome, "connect", hub.url("websocket"), "--access-key",
                client.accessKey(), "--password", client.password());
        String line = ItSupport.assertOneLineFailure(run);
        assertTrue(line.contains("TLS certificate at " + hub.url("websocket").substring("wss://".length())
                + " is not trusted"), line);
        for (String hint : List.of("--pin-sha256", "--trust PEM", "--insecure")) {
            assertTrue(line.contains(hint), hint + " in: " + line);
        }
    }

    @Test
    void aPinThatDoesNotMatchNamesTheKeyTheHubPresented() {
        Finished run = launcher.run(satelliteHome, "connect", hub.url("websocket"), "--access-key",
                client.accessKey(), "--password", client.password(), "--pin-sha256", "00".repeat(32));
        String line = ItSupport.assertOneLineFailure(run);
        assertTrue(line.contains("presented a TLS key that matches no --pin-sha256 (it presented " + pin() + ")"),
                line);
    }

    @Test
    void thePinInTheBannerConnects() {
        String url = hub.url("websocket");
        Finished run = launcher.run(satelliteHome, "connect", url, "--access-key", client.accessKey(), "--password",
                client.password(), "--pin-sha256", pin(), "--send", "pinned");
        ItSupport.assertSession(run, url, "password", 1, "pinned");
    }

    @Test
    void libraryWarningsReadAsTheCommandsOwnMessages() {
        String url = hub.url("websocket");
        Finished insecure = launcher.run(satelliteHome, "connect", url, "--access-key", client.accessKey(),
                "--password", client.password(), "--insecure", "--send", "hi");
        assertEquals(0, insecure.exitCode(), insecure.describe());
        assertTrue(insecure.errLines().stream().anyMatch(l -> l.startsWith("hivemind: warning: TLS to ")
                && l.contains("certificate verification is OFF")), insecure.describe());

        Finished weakKey = launcher.run(satelliteHome, "connect", hub.url("tcp"), "--access-key",
                legacyClient.accessKey(), "--crypto-key", legacyClient.cryptoKey(), "--send", "hi");
        assertEquals(0, weakKey.exitCode(), weakKey.describe());
        assertFalse(weakKey.errLines().isEmpty(), "the weak key is warned about: " + weakKey.describe());
        for (Finished run : List.of(insecure, weakKey)) {
            for (String line : run.errLines()) {
                assertTrue(line.startsWith("hivemind: warning: "), "not a command message: '" + line + "'\n"
                        + run.describe());
            }
        }
    }
}
