package dev.hivemind.dist.cli;

import picocli.CommandLine.Command;

/** {@code make-admin} and {@code revoke-admin}. */
final class AdminCommands {
    private AdminCommands() {
    }

    @Command(name = "make-admin", mixinStandardHelpOptions = true,
            description = "Give administrator powers to a client.")
    static final class MakeAdmin extends FlagCommand {
        MakeAdmin() {
            super(Flag.ADMIN, true, "%s is already an administrator", "Gave administrator powers to %s");
        }
    }

    @Command(name = "revoke-admin", mixinStandardHelpOptions = true,
            description = "Revoke administrator powers from a client.")
    static final class RevokeAdmin extends FlagCommand {
        RevokeAdmin() {
            super(Flag.ADMIN, false, "%s is not an administrator", "Revoked administrator powers for %s");
        }
    }
}
