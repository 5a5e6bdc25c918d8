package dev.hivemind.dist.cli;

import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.dist.db.ClientRecordBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code make-admin} and {@code revoke-admin}. */
final class AdminCommands {
    private AdminCommands() {
    }

    @Command(name = "make-admin", mixinStandardHelpOptions = true,
            description = "Give administrator powers to a client.")
    static final class MakeAdmin extends ClientChangeCommand {
        @Parameters(paramLabel = "ID", description = "The client's id.")
        int clientId;

        @Override
        protected int clientId() {
            return clientId;
        }

        @Override
        protected Change change(ClientRecord client) {
            if (client.admin()) {
                return Change.none(client.name() + " is already an administrator");
            }
            return Change.to(ClientRecordBuilder.from(client).admin(true).build(),
                    "Gave administrator powers to " + client.name());
        }
    }

    @Command(name = "revoke-admin", mixinStandardHelpOptions = true,
            description = "Revoke administrator powers from a client.")
    static final class RevokeAdmin extends ClientChangeCommand {
        @Parameters(paramLabel = "ID", description = "The client's id.")
        int clientId;

        @Override
        protected int clientId() {
            return clientId;
        }

        @Override
        protected Change change(ClientRecord client) {
            if (!client.admin()) {
                return Change.none(client.name() + " is not an administrator");
            }
            return Change.to(ClientRecordBuilder.from(client).admin(false).build(),
                    "Revoked administrator powers for " + client.name());
        }
    }
}
