package dev.hivemind.dist.startup;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The distribution's class-data archives (HotSpot AppCDS): the classes a command loads, already parsed and verified,
 * mapped from one file at start instead of read from the jars. There are two, since the JVM relocates every page of
 * an archive it maps: a small one for the short commands ({@code lib/hivemind-commands.jsa}) and one with the network
 * stack for {@code listen} and {@code connect} ({@code lib/hivemind-network.jsa}). {@code bin/hivemind} uses them when
 * they match the JVM and the class path; otherwise the JVM ignores them and starts as usual. Each is written by a JVM
 * that runs {@link CdsTraining} with exactly this process's class path (the launcher's) and dumps its loaded classes at
 * exit, and the same {@code -Xbootclasspath/a}.
 */
public final class CdsArchive {
    /** Which archive. */
    public enum Kind {
        /** Help and the client-database, configuration and plugin commands. */
        COMMANDS("commands"),
        /** The hub and the satellite: Vert.x, Netty, the engine and the auth methods as well. */
        NETWORK("network");

        private final String argument;

        Kind(String argument) {
            this.argument = argument;
        }

        /** The training's argument and the file's middle name. */
        public String argument() {
            return argument;
        }

        /** The file name in {@code lib/}. */
        public String fileName() {
            return "hivemind-" + argument + ".jsa";
        }
    }

    private static final long TRAINING_TIMEOUT_SECONDS = 180;

    private final Path distribution;
    private final Kind kind;

    public CdsArchive(Path distribution, Kind kind) {
        this.distribution = distribution;
        this.kind = kind;
    }

    /** Where the archive goes. */
    public Path file() {
        return distribution.resolve("lib").resolve(kind.fileName());
    }

    /**
     * Writes the archive, replacing any older one only once the new one is complete.
     *
     * @param scratch a folder for the training's data directory and output
     * @throws IOException if the training or the JVM failed (the message says how; the old archive stays)
     */
    public Path write(Path scratch) throws IOException, InterruptedException {
        Path target = file();
        Path partial = target.resolveSibling(kind.fileName() + ".partial");
        Files.deleteIfExists(partial);
        Path log = scratch.resolve(kind.argument() + "-training.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:ArchiveClassesAtExit=" + partial);
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-Dhivemind.dist=" + distribution);
        // the archive fits only the boot class path it was made with: bin/hivemind appends picocli's jar to it
        for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (argument.startsWith("-Xbootclasspath/a:")) {
                command.add(argument);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CdsTraining.class.getName());
        command.add(kind.argument());
        command.add(scratch.resolve(kind.argument() + "-home").toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        Process training = builder.start();
        if (!training.waitFor(TRAINING_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            training.descendants().forEach(ProcessHandle::destroyForcibly);
            training.destroyForcibly();
            throw new IOException("the training run did not end within " + TRAINING_TIMEOUT_SECONDS + " s; see " + log);
        }
        if (training.exitValue() != 0 || !Files.isRegularFile(partial) || Files.size(partial) == 0) {
            Files.deleteIfExists(partial);
            throw new IOException("the training run " + (training.exitValue() != 0 ? "failed (exit "
                    + training.exitValue() + ")" : "wrote no archive (does this JVM support -XX:ArchiveClassesAtExit?)")
                    + "; see " + log);
        }
        return Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
