package dev.hivemind.dist.cli;

import dev.hivemind.dist.startup.CdsArchive;
import dev.hivemind.dist.startup.NativeSqlite;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code optimize-startup}: writes what makes {@code bin/hivemind} start faster into the distribution's {@code lib/}:
 * the class-data archives ({@link CdsArchive}) and SQLite's native library ({@link NativeSqlite}). The build writes
 * them into {@code target/hivemind}; a distribution that was unpacked or moved elsewhere, got a new Java, or got
 * plugins added needs them written again (until then it starts as it would without them).
 */
@Command(name = "optimize-startup", mixinStandardHelpOptions = true,
        description = {"Write the start-up archives into lib/ (faster commands).",
                "Run it once after unpacking or moving the distribution, changing Java, or adding plugins: the JVM "
                        + "ignores an archive made for another folder, Java or class path. Takes some seconds."})
final class OptimizeStartupCommand implements Runnable {
    @ParentCommand
    HivemindCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        Path distribution = parent.environment().distributionFolder()
                .orElseThrow(() -> new CliFailure("optimize-startup works on a distribution folder: run it as"
                        + " bin/hivemind optimize-startup"));
        PrintWriter out = spec.commandLine().getOut();
        try {
            out.println("Wrote " + NativeSqlite.extract(distribution));
            Path scratch = Files.createTempDirectory("hivemind-cds-");
            for (CdsArchive.Kind kind : CdsArchive.Kind.values()) {
                CdsArchive archive = new CdsArchive(distribution, kind);
                out.print("Writing " + archive.file() + " ... ");
                out.flush();
                Path written = archive.write(scratch);
                out.println((Files.size(written) >> 20) + " MB");
                out.flush();
            }
            out.println("bin/hivemind starts with them from now on.");
            deleteTree(scratch);
        } catch (IOException e) {
            throw new CliFailure("cannot write the start-up archives: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure("interrupted");
        }
        out.flush();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
