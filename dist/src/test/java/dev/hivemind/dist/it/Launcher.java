package dev.hivemind.dist.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the {@code hivemind} command as separate processes: a one-shot command to its end, or {@code listen} until it
 * is stopped. Each process gets its own data directory in {@code HIVEMIND_HOME} and the JDK running the tests. Every
 * wait is bounded; {@link #close()} kills whatever is still running.
 */
final class Launcher implements AutoCloseable {
    /** Safety net for one command (a JVM start, a handshake, a reply); never reached when things work. */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(90);

    /**
     * JVM options for the short-lived commands of a distribution run without the launcher script (which picks its
     * own): the C1 compiler alone and the serial collector start faster and take about half the CPU, which matters on
     * a shared two-core machine.
     */
    static final String QUICK_JVM = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    private static final AtomicInteger RUNS = new AtomicInteger();

    private final List<String> command;
    private final Path workDir;
    private final List<Process> started = new ArrayList<>();

    /**
     * @param command the command that starts {@code hivemind} (the launcher script, or {@code java -cp ... Main})
     * @param workDir where the processes' output files go
     */
    Launcher(List<String> command, Path workDir) {
        this.command = List.copyOf(command);
        this.workDir = workDir;
    }

    /** The launcher script of an assembled distribution folder. */
    static Launcher distribution(Path distributionFolder, Path workDir) {
        return new Launcher(List.of(distributionFolder.resolve("bin/hivemind").toString()), workDir);
    }

    /** {@code java -cp CLASSPATH dev.hivemind.dist.Main} with the running JDK: a distribution without the script. */
    static Launcher java(String classPath, Path workDir) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(QUICK_JVM.split(" ")));
        command.addAll(List.of("-cp", classPath, "dev.hivemind.dist.Main"));
        return new Launcher(command, workDir);
    }

    /** Runs {@code hivemind ARGS} with the data directory {@code home} and waits for it to end. */
    Finished run(Path home, String... args) {
        int n = RUNS.incrementAndGet();
        Path out = workDir.resolve("run-" + n + ".out");
        Path err = workDir.resolve("run-" + n + ".err");
        ProcessBuilder builder = builder(home, args).redirectOutput(out.toFile()).redirectError(err.toFile());
        String description = "hivemind " + String.join(" ", args);
        Process process = start(builder, description);
        try {
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(description + " did not end within " + COMMAND_TIMEOUT + "\n" + read(out) + read(err));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            fail("interrupted while waiting for " + description);
        }
        return new Finished(description, process.exitValue(), read(out), read(err));
    }

    /** Starts {@code hivemind listen ARGS} with the data directory {@code home} and waits until it serves. */
    RunningHub listen(Path home, String... args) {
        int n = RUNS.incrementAndGet();
        Path log = workDir.resolve("hub-" + n + ".err");
        List<String> all = new ArrayList<>();
        all.add("listen");
        all.addAll(List.of(args));
        ProcessBuilder builder = builder(home, all.toArray(String[]::new)).redirectError(log.toFile());
        RunningHub hub = new RunningHub(start(builder, "hivemind " + String.join(" ", all)), log);
        hub.awaitReady(COMMAND_TIMEOUT);
        return hub;
    }

    private ProcessBuilder builder(Path home, String... args) {
        List<String> line = new ArrayList<>(command);
        line.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(line).directory(workDir.toFile());
        Map<String, String> env = builder.environment();
        env.put("HIVEMIND_HOME", home.toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.remove("JAVA_OPTS");
        env.remove("HIVEMIND_OPTS");
        return builder;
    }

    private Process start(ProcessBuilder builder, String description) {
        try {
            Process process = builder.start();
            synchronized (started) {
                started.add(process);
            }
            return process;
        } catch (IOException e) {
            return fail("cannot start " + description + ": " + e.getMessage());
        }
    }

    static String read(Path file) {
        try {
            // lenient: a platform charset other than UTF-8 must not hide what the process printed
            return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    /** Kills every process this launcher started that is still running (and anything it started). */
    @Override
    public void close() {
        synchronized (started) {
            for (Process p : started) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
            for (Process p : started) {
                try {
                    p.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            started.clear();
        }
    }
}
