package dev.hivemind.dist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkout's {@code ./hivemind} script (run with {@code HIVEMIND_BUILD=check}, which says what it would do): after
 * the build that runs this test it finds the distribution up to date, and the build it runs when one is needed stays
 * inside the checkout's reactor instead of installing into the local Maven repository.
 */
class SourceCheckoutIT {
    @TempDir
    Path tmp;

    private static Path checkout() {
        return Path.of(System.getProperty("hivemind.checkout", "..")).toAbsolutePath().normalize();
    }

    private static String check(Path script) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        builder.environment().put("HIVEMIND_BUILD", "check");
        Process process = builder.start();
        assertTrue(process.waitFor(Launcher.COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS), "the script hangs");
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), out);
        return out.strip();
    }

    @Test
    void afterABuildTheDistributionIsUpToDate() throws Exception {
        assumeTrue(Files.isRegularFile(ItSupport.distribution().resolve("lib/hivemind-commands.jsa")),
                "the build wrote no start-up archive (skipped with -Dhivemind.optimizeStartup.skip)");
        assertEquals("up to date: " + checkout().resolve("dist/target/hivemind/bin/hivemind"),
                check(checkout().resolve("hivemind")));
    }

    @Test
    void theBuildItRunsStaysInTheReactor() throws Exception {
        Path copy = Files.createDirectories(tmp.resolve("checkout"));
        Files.copy(checkout().resolve("hivemind"), copy.resolve("hivemind"), StandardCopyOption.COPY_ATTRIBUTES);
        String out = check(copy.resolve("hivemind"));
        assertTrue(out.startsWith("build needed: no distribution in dist/target/hivemind yet; would run: mvn "), out);
        List<String> command = List.of(out.substring(out.indexOf("mvn ")).split(" "));
        assertTrue(command.contains("package") && command.contains("-pl") && command.contains("dist")
                && command.contains("-am"), out);
        assertFalse(command.contains("install"), out);
    }
}
