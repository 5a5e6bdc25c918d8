package dev.hivemind.dist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code bin/hivemind} starts a short command from the class-data archive the build wrote for it, with picocli on the
 * boot class path. The archive fits only the class path and boot class path its training ran with; one that does not
 * fit is ignored without a word, and the command merely starts slower, so only this test would notice.
 */
class StartupArchiveIT {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource({"--help, hivemind-commands.jsa", "list-clients, hivemind-commands.jsa",
        "connect --help, hivemind-network.jsa"})
    void aShortCommandStartsFromItsArchiveWithPicocliOnTheBootClassPath(String args, String archive) throws Exception {
        Path distribution = ItSupport.distribution();
        assumeTrue(Files.isRegularFile(distribution.resolve("lib").resolve(archive)),
                "the build wrote no start-up archive (skipped with -Dhivemind.optimizeStartup.skip)");
        Path classLog = tmp.resolve("classes.log");
        List<String> command = new ArrayList<>(List.of(distribution.resolve("bin/hivemind").toString()));
        command.addAll(List.of(args.split(" ")));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("out.txt").toFile());
        builder.environment().put("HIVEMIND_HOME", tmp.resolve("home").toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog);
        builder.environment().remove("HIVEMIND_OPTS");
        builder.environment().remove("HIVEMIND_CDS");
        Process process = builder.start();
        assertTrue(process.waitFor(Launcher.COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS), "hivemind " + args);
        assertEquals(0, process.exitValue(), Launcher.read(tmp.resolve("out.txt")));

        Path picocli;
        try (var jars = Files.newDirectoryStream(distribution.resolve("lib"), "picocli-*.jar")) {
            picocli = jars.iterator().next().toRealPath();
        }
        assertEquals("shared objects file (top)", source(classLog, "dev.hivemind.dist.cli.HivemindCommand"),
                "the command's classes come from " + archive);
        assertEquals(picocli.toString(), source(classLog, "picocli.CommandLine"),
                "picocli comes from the boot class path (the application class loader would say file:...)");
    }

    private static String source(Path classLog, String className) throws IOException {
        String marker = " " + className + " source: ";
        return Files.readAllLines(classLog).stream().filter(l -> l.contains(marker)).findFirst()
                .map(l -> l.substring(l.indexOf(marker) + marker.length()).strip())
                .orElseThrow(() -> new AssertionError(className + " was not loaded"));
    }
}
