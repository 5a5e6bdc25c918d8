package dev.hivemind.dist.cli;

import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.dist.db.ClientRecordBuilder;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code allow-msg TYPE ID} and {@code blacklist-msg TYPE ID}: the OVOS message types a client may inject. */
final class MessageTypeCommands {
    private MessageTypeCommands() {
    }

    @Command(name = "allow-msg", mixinStandardHelpOptions = true,
            description = "Allow a client to send a message type (adds it to allowed_types).")
    static final class AllowMsg extends ClientChangeCommand {
        @Parameters(index = "0", paramLabel = "TYPE", description = "The message type, e.g. speak.")
        String type;

        @Parameters(index = "1", paramLabel = "ID", description = "The client's id.")
        int clientId;

        @Override
        protected int clientId() {
            return clientId;
        }

        @Override
        protected Change change(ClientRecord client) {
            if (client.allowedTypes().contains(type)) {
                return Change.none("Client " + client.name() + " is already allowed '" + type + "'");
            }
            List<String> allowed = new ArrayList<>(client.allowedTypes());
            allowed.add(type);
            return Change.to(ClientRecordBuilder.from(client).allowedTypes(allowed).build(),
                    "Allowed '" + type + "' for " + client.name());
        }
    }

    @Command(name = "blacklist-msg", mixinStandardHelpOptions = true,
            description = "Stop a client sending a message type (removes it from allowed_types).")
    static final class BlacklistMsg extends ClientChangeCommand {
        @Parameters(index = "0", paramLabel = "TYPE", description = "The message type.")
        String type;

        @Parameters(index = "1", paramLabel = "ID", description = "The client's id.")
        int clientId;

        @Override
        protected int clientId() {
            return clientId;
        }

        @Override
        protected Change change(ClientRecord client) {
            if (ClientRecord.UTTERANCE.equals(type)) {
                throw new CliFailure("'" + ClientRecord.UTTERANCE + "' is always allowed");
            }
            if (!client.allowedTypes().contains(type)) {
                return Change.none("Client " + client.name() + " is already not allowed '" + type + "'");
            }
            List<String> allowed = new ArrayList<>(client.allowedTypes());
            allowed.remove(type);
            return Change.to(ClientRecordBuilder.from(client).allowedTypes(allowed).build(),
                    "Blacklisted '" + type + "' for " + client.name());
        }
    }
}
