package dev.hivemind.dist.cli;

import dev.hivemind.dist.db.ClientStore;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** A command that works on the client database: opens it, runs, closes it. */
abstract class ClientStoreCommand implements Callable<Integer> {
    @ParentCommand
    HivemindCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        validate();
        try (ClientStore store = root.openClientStore()) {
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
