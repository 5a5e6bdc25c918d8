package dev.hivemind.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hivemind.api.auth.ClientCredentials;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What every load mode shares: the target and credentials, the run's length, the optional hub process to watch, and
 * the run itself: sample both processes, run the mode while printing progress, sample again, report.
 */
abstract class LoadCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "URL", description = "The hub: ws://HOST:PORT, wss://…, tcp://HOST:PORT or tcps://…")
    String url;

    @Option(names = "--auth", defaultValue = "password", paramLabel = "METHOD",
            description = "Auth method: password, psk or rsa (default ${DEFAULT-VALUE}).")
    String auth;

    @Option(names = "--access-key", required = true, paramLabel = "KEY", description = "The client's access key.")
    String accessKey;

    @Option(names = "--password", paramLabel = "PASSWORD", description = "The client's password (--auth password).")
    String password;

    @Option(names = "--crypto-key", paramLabel = "KEY", description = "The client's pre-shared key (--auth psk).")
    String cryptoKey;

    @Option(names = "--duration", defaultValue = "10", paramLabel = "SECONDS",
            description = "How long to run (default ${DEFAULT-VALUE} s).")
    double durationSeconds;

    @Option(names = "--hub-pid", paramLabel = "PID",
            description = "The hub's process id, when it runs on this machine: its CPU time and RSS go into the report.")
    Long hubPid;

    @Option(names = "--report", paramLabel = "FILE", description = "Write the JSON report here (default: standard output).")
    Path report;

    @Option(names = "--home", paramLabel = "DIR",
            description = "Where the RSA method keeps this generator's identity and the hub's pinned key (default: a temporary folder).")
    Path home;

    @Option(names = "--binarize", description = "Offer bit-packed binary frames.")
    boolean binarize;

    @Option(names = "--insecure", description = "TLS: accept any certificate (a hub's self-signed one).")
    boolean insecure;

    @Option(names = "--timeout", defaultValue = "30", paramLabel = "SECONDS",
            description = "Handshake deadline (default ${DEFAULT-VALUE} s).")
    long timeoutSeconds;

    @Option(names = "--quiet", description = "No progress lines.")
    boolean quiet;

    @Option(names = "--warmup", defaultValue = "0", paramLabel = "SECONDS",
            description = "Run the same load this long first, unmeasured (JIT compilation on both sides; default none).")
    double warmupSeconds;

    /** The mode's name in the report. */
    abstract String mode();

    /** The mode's own parameters, for the report. */
    abstract Map<String, Object> parameters();

    /**
     * Runs the mode for {@code duration}; calls {@code window.begin()} once its set-up (sessions to send on) is done and
     * {@code window.end()} when the measured part is over (before any draining or closing): the time, CPU and memory
     * in the report are those of that window.
     */
    abstract ModeResult run(LoadTarget target, Outcomes outcomes, Duration duration, HubWatch hub, Window window)
            throws Exception;

    /** The measured part of a run. */
    interface Window {
        /** A window nothing is measured in (the warm-up). */
        Window NONE = new Window() {
            @Override
            public void begin() {
            }

            @Override
            public void end() {
            }
        };

        void begin();

        void end();
    }

    private void requireSecretFor(String method) {
        if (method.equals("password") && password == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--auth password needs --password");
        }
        if (method.equals("psk") && cryptoKey == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--auth psk needs --crypto-key");
        }
    }

    private static void deleteTree(Path dir) {
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // best effort: a temporary folder
        }
    }

    /** What a mode hands back beyond the outcomes: extra report fields. */
    record ModeResult(Map<String, Object> extra) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        requireSecretFor(auth);
        Path dir = home != null ? home : Files.createTempDirectory("hivemind-load");
        ClientCredentials credentials = new ClientCredentials(accessKey, password, cryptoKey,
                auth.equals("rsa") ? Map.of("rsa", "true") : Map.of());
        HubWatch hub = new HubWatch(hubPid);
        Duration duration = Duration.ofMillis((long) (durationSeconds * 1000));
        Outcomes outcomes = new Outcomes();
        ReportBuilder reportBuilder = new ReportBuilder(mode(), url, auth, parameters(), hub);
        ModeResult result;
        Progress progress = new Progress(quiet ? null : err, outcomes, hub);
        try (LoadTarget target = LoadTarget.open(url, auth, credentials, dir, binarize, insecure,
                Duration.ofSeconds(timeoutSeconds))) {
            if (warmupSeconds > 0) {
                err.println("warming up for " + warmupSeconds + " s");
                run(target, new Outcomes(), Duration.ofMillis((long) (warmupSeconds * 1000)), hub, Window.NONE);
            }
            result = run(target, outcomes, duration, hub, reportBuilder);
            reportBuilder.end();
        } finally {
            progress.close();
            if (home == null) {
                deleteTree(dir); // a generated RSA identity must not outlive the run
            }
        }
        ObjectNode json = reportBuilder.build(outcomes, result.extra());
        String text = ReportBuilder.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json);
        if (report != null) {
            Files.writeString(report, text + "\n");
            err.println("report written to " + report);
        } else {
            spec.commandLine().getOut().println(text);
        }
        err.println(ReportBuilder.summary(json));
        err.flush();
        return outcomes.completed() > 0 ? 0 : 1;
    }
}
