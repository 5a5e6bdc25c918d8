package dev.hivemind.dist.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The subcommands of {@code hivemind}, in the order {@code --help} lists them. Building a command's model (reflecting
 * on its options) is most of a short command's start-up, so only the command that runs gets its full model; the
 * others are listed by name and summary, read from their {@code @Command} annotation.
 */
final class CommandCatalog {
    /** Every subcommand class; each is annotated with {@code @Command(name = ..., description = ...)}. */
    static final List<Class<?>> COMMANDS = List.of(
            // the hub's client database (as in hivemind-core's CLI)
            AddClientCommand.class,
            ListClientsCommand.class,
            ShowClientCommand.class,
            DeleteClientCommand.class,
            RenameClientCommand.class,
            SetPublicKeyCommand.class,
            AdminCommands.MakeAdmin.class,
            AdminCommands.RevokeAdmin.class,
            MessageTypeCommands.AllowMsg.class,
            MessageTypeCommands.BlacklistMsg.class,
            ForwardingCommands.AllowEscalate.class,
            ForwardingCommands.BlacklistEscalate.class,
            ForwardingCommands.AllowPropagate.class,
            ForwardingCommands.BlacklistPropagate.class,
            SkillCommands.AllowSkill.class,
            SkillCommands.BlacklistSkill.class,
            SkillCommands.AllowIntent.class,
            SkillCommands.BlacklistIntent.class,
            ImportClientsCommand.class,
            MigrateRegistryCommand.class,
            // the engine: run the hub, connect as a satellite, inspect the configuration and plugins
            ListenCommand.class,
            ConnectCommand.class,
            StatusCommand.class,
            PrintConfigCommand.class,
            ListPluginsCommand.class,
            OptimizeStartupCommand.class);

    private CommandCatalog() {
    }

    /**
     * Adds every subcommand to {@code root}: the ones named in {@code args} with their full model, the others as
     * name and summary only ({@code null} args: all in full).
     */
    static void addTo(CommandLine root, String[] args) {
        List<String> wanted = args == null ? null : named(args);
        for (Class<?> type : COMMANDS) {
            Command command = type.getAnnotation(Command.class);
            if (wanted == null || wanted.contains(command.name())) {
                root.addSubcommand(command.name(), new CommandLine(type, root.getFactory()));
            } else {
                CommandSpec summary = CommandSpec.create().name(command.name())
                        .usageMessage(new UsageMessageSpec().description(command.description()));
                root.addSubcommand(command.name(), new CommandLine(summary));
            }
        }
        root.addSubcommand("help", new CommandLine.HelpCommand());
    }

    /**
     * The command an argument list runs (the first argument that is neither an option nor the value of
     * {@code --home}) and, after {@code help}, the command it explains.
     */
    static List<String> named(String[] args) {
        boolean skipValue = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (skipValue) {
                skipValue = false;
            } else if (arg.equals("--home")) {
                skipValue = true;
            } else if (!arg.startsWith("-")) {
                if (arg.equals("help")) {
                    return i + 1 < args.length ? List.of(arg, args[i + 1]) : List.of(arg);
                }
                return List.of(arg);
            }
        }
        return List.of();
    }
}
