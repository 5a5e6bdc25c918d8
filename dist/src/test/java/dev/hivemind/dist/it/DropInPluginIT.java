package dev.hivemind.dist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third-party auth plugin dropped into {@code plugins/}: compiled here against the hivemind-api jar alone
 * (sources in {@code src/test/resources/dropin/token-auth}), packed as a jar with its service file, put into a copy
 * of the distribution. {@code list-plugins} shows both its halves; a client added with {@code --credential
 * token=SECRET} completes a handshake with {@code connect --auth token --option token=SECRET}, and a wrong secret
 * (the client's password among them) is refused.
 */
class DropInPluginIT {
    @TempDir
    Path tmp;

    @Test
    void aDropInAuthPluginIsListedAndCompletesAHandshake() throws Exception {
        Path original = ItSupport.distribution();
        Path dist = tmp.resolve("hivemind-with-token");
        ItSupport.copyTree(original, dist);
        Path jar = PluginJar.build(sources(), ItSupport.jar(dist.resolve("lib"), "hivemind-api-"), tmp.resolve("build"),
                dist.resolve("plugins/hivemind-auth-token-example.jar"));
        try (Stream<Path> originalPlugins = Files.list(original.resolve("plugins"))) {
            assertTrue(originalPlugins.noneMatch(p -> p.toString().endsWith(".jar")), "the build's folder is untouched");
        }

        Path hubHome = tmp.resolve("hub-home");
        Path config = Files.writeString(tmp.resolve("hivemind.yaml"), "auth:\n  methods: [password, token]\n");
        try (Launcher launcher = Launcher.distribution(dist, tmp)) {
            Finished list = launcher.run(hubHome, "list-plugins", "--config", config.toString());
            assertEquals(0, list.exitCode(), list.describe());
            List<String> auth = ItSupport.tableRows(list.out(), "Auth methods");
            String token = auth.stream().filter(r -> r.startsWith("token ")).findFirst()
                    .orElseThrow(() -> new AssertionError("token is not listed:\n" + list.out()));
            assertTrue(token.matches("token\\s+yes\\s+yes\\s+hub,satellite\\s+token\\s+token\\s+"
                    + "dev\\.hivemind\\.example\\.token\\.TokenAuthServer \\(" + jar.getFileName() + "\\)"), token);

            // the method's own credential, not the client's password (which it can no longer borrow)
            String secret = "token-secret-0123456789";
            AddedClient client = AddedClient.parse(launcher.run(hubHome, "add-client", "--name", "token-satellite",
                    "--credential", "token=" + secret));
            RunningHub hub = launcher.listen(hubHome, "--config", config.toString(), "--port", "0");
            assertTrue(hub.output().contains("auth methods: password, token"), hub.output());
            String url = hub.url("websocket");
            Path satelliteHome = tmp.resolve("satellite-home");

            Finished connect = launcher.run(satelliteHome, "connect", url, "--access-key", client.accessKey(),
                    "--auth", "token", "--option", "token=" + secret, "--send", "hi");
            ItSupport.assertSession(connect, url, "token", 1, "hi");

            Finished password = launcher.run(satelliteHome, "connect", url, "--access-key", client.accessKey(),
                    "--auth", "token", "--option", "token=" + client.password(), "--send", "hi");
            assertTrue(ItSupport.assertOneLineFailure(password).contains("authentication failed"),
                    "the password is not the token's credential");

            Finished wrong = launcher.run(satelliteHome, "connect", url, "--access-key", client.accessKey(),
                    "--auth", "token", "--option", "token=not-the-token-0123", "--send", "hi");
            String line = ItSupport.assertOneLineFailure(wrong);
            assertTrue(line.contains("authentication failed"), line);

            RunningHub.Stopped stopped = hub.stop();
            HubLog log = new HubLog(stopped);
            log.assertOneLinePerEvent();
            assertEquals(1, log.count("mode=token"), stopped.log());
            assertEquals(2, log.count("token proof does not match"), stopped.log());
            log.assertNoSecret(Map.of("password", client.password(), "access key", client.accessKey(),
                    "token", secret));
        }
    }

    private static Path sources() throws URISyntaxException {
        return Path.of(DropInPluginIT.class.getResource("/dropin/token-auth").toURI());
    }
}
