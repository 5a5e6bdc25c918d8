package dev.hivemind.dist.cli;

import picocli.CommandLine.Command;

/** {@code allow-escalate}, {@code blacklist-escalate}, {@code allow-propagate}, {@code blacklist-propagate}. */
final class ForwardingCommands {
    private ForwardingCommands() {
    }

    @Command(name = "allow-escalate", mixinStandardHelpOptions = true,
            description = "Allow ESCALATE messages from a client.")
    static final class AllowEscalate extends Allow {
        AllowEscalate() {
            super(Flag.CAN_ESCALATE, "ESCALATE");
        }
    }

    @Command(name = "blacklist-escalate", mixinStandardHelpOptions = true,
            description = "Refuse ESCALATE messages from a client.")
    static final class BlacklistEscalate extends Blacklist {
        BlacklistEscalate() {
            super(Flag.CAN_ESCALATE, "ESCALATE");
        }
    }

    @Command(name = "allow-propagate", mixinStandardHelpOptions = true,
            description = "Allow PROPAGATE messages from a client.")
    static final class AllowPropagate extends Allow {
        AllowPropagate() {
            super(Flag.CAN_PROPAGATE, "PROPAGATE");
        }
    }

    @Command(name = "blacklist-propagate", mixinStandardHelpOptions = true,
            description = "Refuse PROPAGATE messages from a client.")
    static final class BlacklistPropagate extends Blacklist {
        BlacklistPropagate() {
            super(Flag.CAN_PROPAGATE, "PROPAGATE");
        }
    }

    /** Allows a client's messages of one type ({@code flag} is the permission for them). */
    abstract static class Allow extends FlagCommand {
        Allow(Flag flag, String type) {
            super(flag, true, "Client %s is already allowed to send '" + type + "' messages",
                    "Allowed '" + type + "' messages for %s");
        }
    }

    /** Refuses a client's messages of one type ({@code flag} is the permission for them). */
    abstract static class Blacklist extends FlagCommand {
        Blacklist(Flag flag, String type) {
            super(flag, false, "Client %s '" + type + "' messages are already blacklisted",
                    "Blacklisted '" + type + "' messages for %s");
        }
    }
}
