package dev.hivemind.dist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The custom distribution that maven-invoker-plugin built from {@code src/it/custom-dist} (the parent pom as a BOM,
 * hivemind-dist without psk, rsa and tcp): its jars, run as {@code java -cp 'target/lib/*' dev.hivemind.dist.Main},
 * offer password auth and WebSocket only, and serve a password handshake made by the full distribution's client.
 */
class CustomDistributionIT {
    private static Path project;
    private static Path lib;

    @TempDir
    Path tmp;

    @BeforeAll
    static void locate() {
        project = Path.of(System.getProperty("hivemind.customDistribution", "target/it/custom-dist")).toAbsolutePath();
        lib = project.resolve("target/lib");
        assertTrue(Files.isDirectory(lib), "no " + lib + ": maven-invoker-plugin builds it in pre-integration-test"
                + " (see " + project.resolve("build.log") + ")");
    }

    private Launcher customHub() {
        return Launcher.java(lib + "/*", tmp);
    }

    private Path config() {
        return project.resolve("conf/hivemind.yaml");
    }

    @Test
    void itsJarsLeaveOutTheExcludedPlugins() throws IOException {
        try (Stream<Path> jars = Files.list(lib)) {
            List<String> names = jars.map(p -> p.getFileName().toString()).sorted().toList();
            for (String kept : List.of("hivemind-dist-", "hivemind-engine-", "hivemind-auth-password-",
                    "hivemind-transport-vertx-", "hivemind-agent-echo-", "vertx-core-", "logback-classic-")) {
                assertTrue(names.stream().anyMatch(n -> n.startsWith(kept)), kept + " in " + names);
            }
            for (String left : List.of("hivemind-auth-psk-", "hivemind-auth-rsa-", "hivemind-transport-tcp-",
                    "hivemind-agent-ovos-", "hivemind-agent-vertx-eventbus-")) {
                assertFalse(names.stream().anyMatch(n -> n.startsWith(left)), left + " in " + names);
            }
        }
    }

    @Test
    void listPluginsShowsOnlyPasswordAndWebSocket() {
        try (Launcher launcher = customHub()) {
            Finished list = launcher.run(tmp.resolve("home"), "list-plugins", "--config", config().toString());
            assertEquals(0, list.exitCode(), list.describe());
            assertEquals(List.of("password"), ItSupport.tableNames(list.out(), "Auth methods"), list.out());
            assertEquals(List.of("websocket"), ItSupport.tableNames(list.out(), "Transports"), list.out());
            assertEquals(List.of("sqlite"), ItSupport.tableNames(list.out(), "Registries (client databases)"),
                    list.out());
            assertFalse(list.out().contains("is not installed"), list.out());
        }
    }

    @Test
    void servesAPasswordHandshake() {
        Path hubHome = tmp.resolve("hub-home");
        try (Launcher custom = customHub(); Launcher full = Launcher.distribution(ItSupport.distribution(), tmp)) {
            AddedClient client = AddedClient.parse(custom.run(hubHome, "add-client", "--name", "custom-satellite"));
            RunningHub hub = custom.listen(hubHome, "--config", config().toString(), "--port", "0");
            assertTrue(hub.output().contains("auth methods: password\n"), hub.output());
            assertEquals(List.of("websocket"), List.copyOf(hub.urls().keySet()), hub.output());
            String url = hub.url("websocket");

            Finished connect = full.run(tmp.resolve("satellite-home"), "connect", url, "--access-key",
                    client.accessKey(), "--password", client.password(), "--send", "hello custom hub");
            ItSupport.assertSession(connect, url, "password", 1, "hello custom hub");

            HubLog log = new HubLog(hub.stop());
            log.assertOneLinePerEvent();
            assertEquals(1, log.count("mode=password"), String.join("\n", log.lines()));
        }
    }
}
