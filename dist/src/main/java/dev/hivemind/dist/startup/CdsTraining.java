package dev.hivemind.dist.startup;

import dev.hivemind.dist.DataHome;
import dev.hivemind.dist.cli.CliEnvironment;
import dev.hivemind.dist.cli.HivemindCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * What {@link CdsArchive} runs in a JVM that writes a class-data archive at exit. For the commands' archive: the
 * commands an operator runs most (help, the client database, configuration and plugins). For the network archive,
 * those and a hub on loopback with a satellite connecting over WebSocket and TCP. Runs in a scratch data directory;
 * exits 0 when every step did what it should.
 */
public final class CdsTraining {
    private static final long HUB_START_SECONDS = 60;
    private static final Pattern LISTENING = Pattern.compile("listening: (\\w+) \\w+://[^ ]+:(\\d+)");
    private static final Pattern FIELD = Pattern.compile("(?m)^(Access Key|Password|Encryption Key): (\\S+)$");

    private final CliEnvironment environment;

    private CdsTraining(Path home) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put(DataHome.ENVIRONMENT_VARIABLE, home.toString());
        CliEnvironment system = CliEnvironment.system();
        this.environment = new CliEnvironment(env, system.userHome(), new SecureRandom(), Clock.systemUTC(),
                system.distribution());
    }

    /** {@code CdsTraining commands|network SCRATCH_DIRECTORY}. */
    public static void main(String[] args) throws Exception {
        Path home = Files.createDirectories(Path.of(args[1]));
        CdsTraining training = new CdsTraining(home);
        boolean ok = training.administer();
        if (args[0].equals(CdsArchive.Kind.NETWORK.argument())) {
            ok &= training.network();
        }
        int status = ok ? 0 : 1;
        // ends the hub through its shutdown hook, as Ctrl-C does; the archive is written after it
        System.exit(status);
    }

    private Map<String, String> secrets = Map.of();

    /** The short commands. */
    private boolean administer() {
        run("--help");
        run("--version");
        String added = run("add-client", "--name", "cds-training");
        secrets = new HashMap<>();
        for (Matcher m = FIELD.matcher(added); m.find();) {
            secrets.put(m.group(1), m.group(2));
        }
        for (List<String> args : List.of(List.of("list-clients"), List.of("list-clients", "--all", "--show-secrets", "--permissions"),
                List.of("show-client", "1"),
                List.of("rename-client", "1", "cds training"), List.of("allow-msg", "speak", "1"),
                List.of("make-admin", "1"), List.of("print-config"), List.of("list-plugins"), List.of("help", "connect"),
                List.of("no-such-command"))) {
            run(args.toArray(String[]::new));
        }
        return secrets.size() == 3;
    }

    /** A hub, and satellites connecting to it. */
    private boolean network() throws InterruptedException {
        Map<String, String> ports = startHub();
        if (ports.size() < 2) {
            return false;
        }
        String password = run("connect", "ws://127.0.0.1:" + ports.get("websocket"), "--access-key",
                secrets.get("Access Key"), "--password", secrets.get("Password"), "--send", "hello");
        String psk = run("connect", "tcp://127.0.0.1:" + ports.get("tcp"), "--access-key", secrets.get("Access Key"),
                "--crypto-key", secrets.get("Encryption Key"), "--send", "hello");
        run("status");
        return password.contains("received: ") && psk.contains("received: ");
    }

    /** Starts {@code listen} on loopback ports in the background; its transports' ports once it serves. */
    private Map<String, String> startHub() throws InterruptedException {
        StringWriter banner = new StringWriter();
        Thread hub = new Thread(() -> command(new PrintWriter(banner, true)).execute("listen", "--host", "127.0.0.1",
                "--port", "0", "--transport", "websocket,tcp", "--tcp-port", "0", "--admin-port", "0"),
                "cds-training-hub");
        hub.setDaemon(true);
        hub.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(HUB_START_SECONDS);
        while (!banner.toString().contains("Press Ctrl-C to stop.") && hub.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Map<String, String> ports = new HashMap<>();
        for (Matcher m = LISTENING.matcher(banner.toString()); m.find();) {
            ports.put(m.group(1), m.group(2));
        }
        return ports;
    }

    private String run(String... args) {
        StringWriter out = new StringWriter();
        command(new PrintWriter(out, true)).execute(args);
        return out.toString();
    }

    private CommandLine command(PrintWriter out) {
        CommandLine cli = HivemindCommand.commandLine(environment);
        cli.setOut(out);
        cli.setErr(new PrintWriter(Writer.nullWriter()));
        return cli;
    }
}
