package dev.hivemind.dist.cli;

import dev.hivemind.api.error.HiveMindException;
import dev.hivemind.api.registry.ClientStore;
import dev.hivemind.dist.DataHome;
import dev.hivemind.dist.db.InvalidClientFileException;
import dev.hivemind.dist.db.PrivateFiles;
import dev.hivemind.dist.logging.LoggingSetup;
import dev.hivemind.dist.runtime.NodeConfiguration;
import dev.hivemind.engine.config.ConfigException;
import dev.hivemind.engine.plugin.PluginDiscoveryException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code hivemind} command: global options and the list of subcommands. Each subcommand is its own class
 * and reaches what it shares with the others (data directory, client database, environment, verbosity) through
 * {@code @ParentCommand HivemindCommand}.
 */
@Command(name = "hivemind",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "HiveMind for the JVM: run a hub, administer its clients, connect as a satellite.",
        footer = {"", "Exit status: 0 success, 1 failure, 2 usage error."})
public final class HivemindCommand implements Runnable {
    @Option(names = "--home", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Data directory (client database, keys). Default: $HIVEMIND_HOME, else $XDG_DATA_HOME/hivemind-jvm, else ~/.local/share/hivemind-jvm.")
    private Path home;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Log debug messages and print stack traces of failures.")
    private boolean verbose;

    @Spec
    private CommandSpec spec;

    private final CliEnvironment environment;

    public HivemindCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    /**
     * The command line for {@code hivemind} with every subcommand in full: subcommands, the exit-code policy (0
     * success, 1 failure with a one-line message, 2 usage error) and logging set up from {@code --verbose} before a
     * command runs.
     */
    public static CommandLine commandLine(CliEnvironment environment) {
        return commandLine(environment, null);
    }

    /**
     * The command line for running {@code args}: as {@link #commandLine(CliEnvironment)}, but only the subcommand
     * the arguments name gets its full model (the others are listed by name and summary), which saves a short command
     * most of its start-up.
     */
    public static CommandLine commandLine(CliEnvironment environment, String[] args) {
        HivemindCommand root = new HivemindCommand(environment);
        CommandLine commandLine = new CommandLine(root);
        CommandCatalog.addTo(commandLine, args);
        commandLine.setExecutionStrategy(parseResult -> {
            boolean hub = parseResult.hasSubcommand() && parseResult.subcommand().commandSpec().name().equals("listen");
            LoggingSetup.configure(hub ? LoggingSetup.Mode.HUB : LoggingSetup.Mode.COMMAND, root.verbose,
                    environment.distribution());
            return new CommandLine.RunLast().execute(parseResult);
        });
        commandLine.setParameterExceptionHandler(HivemindCommand::usageError);
        commandLine.setExecutionExceptionHandler((e, failed, parseResult) -> root.failure(e, failed));
        return commandLine;
    }

    /** No command given. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command");
    }

    /** What the commands take from the process. */
    public CliEnvironment environment() {
        return environment;
    }

    /** Whether {@code --verbose} was given. */
    public boolean verbose() {
        return verbose;
    }

    /** The data directory (not created). */
    public Path dataHome() {
        return DataHome.resolve(home, environment.environment(), environment.userHome());
    }

    /** The data directory, created with mode 0700 if missing. */
    public Path ensureDataHome() {
        Path dir = dataHome();
        try {
            return PrivateFiles.ensureDirectory(dir);
        } catch (IOException e) {
            throw new CliFailure("cannot create the data directory " + dir + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Opens the client database that the configuration ({@code config}, else the usual file) names, creating the data
     * directory if needed.
     */
    public ClientStore openClientStore(Path config) {
        Path dataHome = ensureDataHome();
        return NodeConfiguration.load(config, dataHome, environment.distribution(), java.util.Map.of())
                .openClientStore();
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine failed = e.getCommandLine();
        PrintWriter err = failed.getErr();
        err.println("hivemind: " + Text.oneLine(withoutErrorPrefix(e.getMessage())));
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return failed.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** Picocli starts some messages with "Error: "; the line already says "hivemind: ". */
    private static String withoutErrorPrefix(String message) {
        return message != null && message.startsWith("Error: ") ? message.substring("Error: ".length()) : message;
    }

    private int failure(Exception e, CommandLine failed) {
        PrintWriter err = failed.getErr();
        err.println("hivemind: " + Text.oneLine(describe(e)));
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return failed.getCommandSpec().exitCodeOnExecutionException();
    }

    private static String describe(Exception e) {
        // these carry a message meant for the user (and never a secret)
        if (e instanceof CliFailure || e instanceof HiveMindException || e instanceof InvalidClientFileException
                || e instanceof ConfigException || e instanceof PluginDiscoveryException) {
            return e.getMessage();
        }
        String message = e.getMessage();
        return "internal error: " + e.getClass().getSimpleName() + (message == null ? "" : ": " + message)
                + " (run with --verbose for details)";
    }
}
