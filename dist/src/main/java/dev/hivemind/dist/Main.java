package dev.hivemind.dist;

import dev.hivemind.dist.cli.CliEnvironment;
import dev.hivemind.dist.cli.HivemindCommand;

/** Entry point of the {@code hivemind} command. Exit status: 0 success, 1 runtime failure, 2 usage error. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(HivemindCommand.commandLine(CliEnvironment.system(), args).execute(args));
    }
}
