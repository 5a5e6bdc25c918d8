package dev.hivemind.load;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code hivemind-load}: a load generator for HiveMind hubs that speaks only the wire protocol (ours or a Python
 * hivemind-core alike). See docs/PERFORMANCE.md for the measurements made with it.
 */
@Command(name = "hivemind-load", mixinStandardHelpOptions = true,
        subcommands = {HandshakesCommand.class, MessagesCommand.class, IdleCommand.class},
        description = {"Drive a HiveMind hub with handshakes, messages or idle sessions and report rates, latency "
                + "percentiles, failures by close code and the CPU time per operation of the hub (--hub-pid) and of "
                + "this generator.", "Progress goes to standard error, the JSON report to standard output or --report FILE."})
public final class LoadMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private LoadMain() {
    }

    public static void main(String[] args) {
        QuietLogging.apply();
        CommandLine cli = new CommandLine(new LoadMain());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("hivemind-load: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            if (Boolean.getBoolean("hivemind.load.trace")) {
                e.printStackTrace(line.getErr());
            }
            return 1;
        });
        System.exit(cli.execute(args));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a mode is required: handshakes, messages or idle");
    }
}
