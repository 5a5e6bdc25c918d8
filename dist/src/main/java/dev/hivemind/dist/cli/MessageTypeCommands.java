package dev.hivemind.dist.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code allow-msg TYPE ID} and {@code blacklist-msg TYPE ID}: the OVOS message types a client may inject. */
final class MessageTypeCommands {
    private MessageTypeCommands() {
    }

    @Command(name = "allow-msg", mixinStandardHelpOptions = true,
            description = {"Let a client send a message type (allowed_types).",
                    "Adds TYPE to the client's allowed_types."})
    static final class AllowMsg extends ListEntryCommand {
        AllowMsg() {
            super(ClientList.ALLOWED_TYPES, Direction.ADD,
                    "Client %1$s is already allowed '%2$s'", "Allowed '%2$s' for %1$s");
        }

        @Parameters(index = "0", paramLabel = "TYPE", description = "The message type, e.g. speak.")
        void type(String type) {
            entry(type);
        }
    }

    @Command(name = "blacklist-msg", mixinStandardHelpOptions = true,
            description = {"Stop a client sending a message type (allowed_types).",
                    "Removes TYPE from the client's allowed_types."})
    static final class BlacklistMsg extends ListEntryCommand {
        BlacklistMsg() {
            super(ClientList.ALLOWED_TYPES, Direction.REMOVE,
                    "Client %1$s is already not allowed '%2$s'", "Blacklisted '%2$s' for %1$s");
        }

        @Parameters(index = "0", paramLabel = "TYPE", description = "The message type.")
        void type(String type) {
            entry(type);
        }
    }
}
