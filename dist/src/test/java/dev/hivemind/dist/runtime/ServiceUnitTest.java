package dev.hivemind.dist.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The systemd unit the distribution ships ({@code conf/hivemind.service}): it runs {@code bin/hivemind listen} as its
 * own user with the data directory it may write, the hardening options systemd offers, and treats the JVM's exit on
 * SIGTERM as a clean stop. (Where {@code systemd-analyze verify} exists, the unit passes it too; this test reads the
 * file only, so it runs everywhere.)
 */
class ServiceUnitTest {
    private static final Path UNIT = Path.of("src/dist/conf/hivemind.service");

    /** Key to values (a key may repeat), from the unit's sections, comments left out. */
    private static Map<String, List<String>> settings() throws Exception {
        Map<String, List<String>> settings = new LinkedHashMap<>();
        for (String line : Files.readAllLines(UNIT)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#") || l.startsWith("[")) {
                continue;
            }
            int eq = l.indexOf('=');
            settings.computeIfAbsent(l.substring(0, eq), k -> new ArrayList<>()).add(l.substring(eq + 1));
        }
        return settings;
    }

    @Test
    void theUnitRunsTheHubAsItsOwnUserWithOnlyItsDataDirectoryWritable() throws Exception {
        Map<String, List<String>> s = settings();
        assertTrue(s.get("ExecStart").get(0).startsWith("/opt/hivemind/bin/hivemind listen"), s.toString());
        assertEquals(List.of("hivemind"), s.get("User"));
        assertEquals(List.of("HIVEMIND_HOME=/var/lib/hivemind"), s.get("Environment"));
        assertEquals(List.of("hivemind"), s.get("StateDirectory"));
        assertEquals(List.of("/var/lib/hivemind"), s.get("ReadWritePaths"));
        assertEquals(List.of("143"), s.get("SuccessExitStatus"), "SIGTERM ends the JVM with 143: a clean stop");
        for (String[] hardening : new String[][] {{"NoNewPrivileges", "yes"}, {"ProtectSystem", "strict"},
                {"ProtectHome", "yes"}, {"PrivateTmp", "yes"}, {"PrivateDevices", "yes"}, {"RestrictSUIDSGID", "yes"},
                {"CapabilityBoundingSet", ""}, {"UMask", "0077"}}) {
            assertEquals(List.of(hardening[1]), s.get(hardening[0]), hardening[0]);
        }
        assertFalse(s.containsKey("MemoryDenyWriteExecute"), "the JIT compiler needs writable, executable memory");
        assertTrue(s.get("ExecStart").get(0).contains("--admin-port"), "metrics on loopback for status and Prometheus");
    }

    @Test
    void systemdAcceptsTheUnit(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(analyze), "no systemd-analyze here");
        // the unit names /opt/hivemind, which a build machine lacks: point it at an executable that exists
        Path unit = tmp.resolve("hivemind.service");
        Files.writeString(unit, Files.readString(UNIT).replace("/opt/hivemind/bin/hivemind", "/bin/sh"));
        Process verify = new ProcessBuilder(analyze.toString(), "verify", unit.toString()).redirectErrorStream(true)
                .start();
        String out = new String(verify.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(verify.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(0, verify.exitValue(), out);
        assertEquals("", out.strip(), "systemd-analyze verify has something to say");
    }
}
