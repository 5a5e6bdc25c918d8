package dev.hivemind.dist.cli;

import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.dist.db.ClientRecordBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code allow-escalate}, {@code blacklist-escalate}, {@code allow-propagate}, {@code blacklist-propagate}. */
final class ForwardingCommands {
    private ForwardingCommands() {
    }

    @Command(name = "allow-escalate", mixinStandardHelpOptions = true,
            description = "Allow ESCALATE messages from a client.")
    static final class AllowEscalate extends ClientChangeCommand {
        @Parameters(paramLabel = "ID", description = "The client's id.")
        int clientId;

        @Override
        protected int clientId() {
            return clientId;
        }

        @Override
        protected Change change(ClientRecord client) {
            if (client.canEscalate()) {
                return Change.none("Client " + client.name() + " is already allowed to send 'ESCALATE' messages");
            }
            return Change.to(ClientRecordBuilder.from(client).canEscalate(true).build(),
                    "Allowed 'ESCALATE' messages for " + client.name());
        }
    }

    @Command(name = "blacklist-escalate", mixinStandardHelpOptions = true,
            description = "Refuse ESCALATE messages from a client.")
    static final class BlacklistEscalate extends ClientChangeCommand {
        @Parameters(paramLabel = "ID", description = "The client's id.")
        int clientId;

        @Override
        protected int clientId() {
            return clientId;
        }

        @Override
        protected Change change(ClientRecord client) {
            if (!client.canEscalate()) {
                return Change.none("Client " + client.name() + " 'ESCALATE' messages are already blacklisted");
            }
            return Change.to(ClientRecordBuilder.from(client).canEscalate(false).build(),
                    "Blacklisted 'ESCALATE' messages for " + client.name());
        }
    }

    @Command(name = "allow-propagate", mixinStandardHelpOptions = true,
            description = "Allow PROPAGATE messages from a client.")
    static final class AllowPropagate extends ClientChangeCommand {
        @Parameters(paramLabel = "ID", description = "The client's id.")
        int clientId;

        @Override
        protected int clientId() {
            return clientId;
        }

        @Override
        protected Change change(ClientRecord client) {
            if (client.canPropagate()) {
                return Change.none("Client " + client.name() + " is already allowed to send 'PROPAGATE' messages");
            }
            return Change.to(ClientRecordBuilder.from(client).canPropagate(true).build(),
                    "Allowed 'PROPAGATE' messages for " + client.name());
        }
    }

    @Command(name = "blacklist-propagate", mixinStandardHelpOptions = true,
            description = "Refuse PROPAGATE messages from a client.")
    static final class BlacklistPropagate extends ClientChangeCommand {
        @Parameters(paramLabel = "ID", description = "The client's id.")
        int clientId;

        @Override
        protected int clientId() {
            return clientId;
        }

        @Override
        protected Change change(ClientRecord client) {
            if (!client.canPropagate()) {
                return Change.none("Client " + client.name() + " 'PROPAGATE' messages are already blacklisted");
            }
            return Change.to(ClientRecordBuilder.from(client).canPropagate(false).build(),
                    "Blacklisted 'PROPAGATE' messages for " + client.name());
        }
    }
}
