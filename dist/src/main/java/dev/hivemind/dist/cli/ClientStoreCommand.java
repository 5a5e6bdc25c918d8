package dev.hivemind.dist.cli;

import dev.hivemind.api.registry.ClientStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A command that works on the client database: opens the one the configuration's {@code registry:} section names
 * (SQLite in the data directory by default), runs, closes it.
 */
abstract class ClientStoreCommand implements Callable<Integer> {
    @ParentCommand
    HivemindCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file: its registry section names "
            + "the client database, its auth section the methods (default: as for listen).")
    Path config;

    @Override
    public final Integer call() {
        validate();
        try (ClientStore store = root.openClientStore(config)) {
            run(store, spec.commandLine().getOut());
        }
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** Checks the arguments before the database is opened; throw {@code ParameterException} for a usage error. */
    protected void validate() {
    }

    /** The command's work; throw {@link CliFailure} for a failure the user can act on. */
    protected abstract void run(ClientStore store, PrintWriter out);

    /** Standard error, for warnings. */
    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
