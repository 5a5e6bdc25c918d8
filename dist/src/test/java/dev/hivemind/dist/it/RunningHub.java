package dev.hivemind.dist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code hivemind listen} process: its standard output is read as it comes (the banner tells the bound ports and
 * the process id); its standard error, the hub's log, goes to a file read once it has stopped.
 */
final class RunningHub {
    static final String READY_LINE = "Press Ctrl-C to stop.";
    private static final Pattern LISTENING = Pattern.compile("^\\s+listening: (\\S+) (\\w+)://[^ ]+:(\\d+)$");
    private static final Pattern PID = Pattern.compile("\\(pid (\\d+), ");

    private final Process process;
    private final Path logFile;
    private final StringBuilder out = new StringBuilder();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final CompletableFuture<Void> outputEnded = new CompletableFuture<>();

    RunningHub(Process process, Path logFile) {
        this.process = process;
        this.logFile = logFile;
        Thread reader = new Thread(this::readOutput, "hub-stdout-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (out) {
                    out.append(line).append('\n');
                }
                if (line.equals(READY_LINE)) {
                    ready.complete(null);
                }
            }
        } catch (IOException e) {
            ready.completeExceptionally(new UncheckedIOException(e));
        } finally {
            ready.completeExceptionally(new IllegalStateException("the hub's output ended before it was ready"));
            outputEnded.complete(null);
        }
    }

    void awaitReady(Duration timeout) {
        try {
            ready.get(timeout.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            fail("interrupted");
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            awaitQuietly();
            fail("the hub did not start (" + e + ")\n--- stdout\n" + output() + "--- log\n" + Launcher.read(logFile));
        }
    }

    /** The hub's log (its standard error) so far. */
    String logSoFar() {
        return Launcher.read(logFile);
    }

    /** Kills the hub as a crash would (SIGKILL: no shutdown hook, nothing said to anyone) and waits for it to end. */
    void kill() {
        process.destroyForcibly();
        assertTrue(awaitQuietly(), "the hub did not end after SIGKILL");
    }

    /** What the hub printed on standard output so far. */
    String output() {
        synchronized (out) {
            return out.toString();
        }
    }

    /** The process id the hub printed in its banner. */
    long printedPid() {
        Matcher m = PID.matcher(output());
        assertTrue(m.find(), "no pid in the banner:\n" + output());
        return Long.parseLong(m.group(1));
    }

    /** The bound transports: name to {@code scheme://127.0.0.1:port}. */
    Map<String, String> urls() {
        Map<String, String> urls = new LinkedHashMap<>();
        for (String line : output().lines().toList()) {
            Matcher m = LISTENING.matcher(line);
            if (m.matches()) {
                urls.put(m.group(1), m.group(2) + "://127.0.0.1:" + m.group(3));
            }
        }
        return urls;
    }

    String url(String transport) {
        String url = urls().get(transport);
        if (url == null) {
            fail("the hub does not listen on " + transport + ":\n" + output());
        }
        return url;
    }

    /**
     * Stops the hub the way an operator would: SIGTERM to the process id it printed. Waits (bounded) for it to end.
     */
    Stopped stop() {
        long pid = printedPid();
        assertEquals(process.pid(), pid, "the launcher execs java, so the printed pid is the process we started");
        ProcessHandle handle = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("hub " + pid + " is gone"));
        assertTrue(handle.destroy(), "SIGTERM could not be requested");
        boolean ended = awaitQuietly();
        if (!ended) {
            process.destroyForcibly();
            fail("the hub did not stop within " + Launcher.COMMAND_TIMEOUT + " of SIGTERM\n" + Launcher.read(logFile));
        }
        try {
            outputEnded.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            fail("the hub's output did not end: " + e);
        }
        return new Stopped(process.exitValue(), output(), Launcher.read(logFile));
    }

    private boolean awaitQuietly() {
        try {
            return process.waitFor(Launcher.COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * A hub that has ended.
     *
     * @param exitCode its exit status (143 after SIGTERM)
     * @param out      its standard output
     * @param log      its standard error: the log
     */
    record Stopped(int exitCode, String out, String log) {
    }
}
