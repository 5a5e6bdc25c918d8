package dev.hivemind.dist.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import picocli.CommandLine;

/** Runs {@code hivemind} in-process with HIVEMIND_HOME in a temporary directory and captures its output. */
final class CliRun {
    record Result(int exitCode, String out, String err) {
        /** The non-empty lines of standard error. */
        long errLines() {
            return err.lines().filter(l -> !l.isBlank()).count();
        }
    }

    private final Path home;
    private final Path userHome;

    CliRun(Path tempDir) {
        this.home = tempDir.resolve("hivemind-home");
        this.userHome = tempDir.resolve("user");
    }

    Path home() {
        return home;
    }

    Result run(String... args) {
        return run(Map.of("HIVEMIND_HOME", home.toString()), args);
    }

    Result run(Map<String, String> environment, String... args) {
        CliEnvironment env = new CliEnvironment(environment, userHome, new SecureRandom(),
                Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), null);
        CommandLine cli = HivemindCommand.commandLine(env, args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
