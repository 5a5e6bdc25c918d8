package dev.hivemind.dist.cli;

import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.registry.ClientRecordBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code rename-client ID NAME} (hivemind-core's {@code --name NAME} works too). */
@Command(name = "rename-client", mixinStandardHelpOptions = true, description = "Rename a client.")
final class RenameClientCommand extends ClientChangeCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "The client's id.")
    int clientId;

    @Parameters(index = "1", paramLabel = "NAME", arity = "0..1", description = "The new name.")
    String positionalName;

    @Option(names = "--name", paramLabel = "NAME", description = "The new name (instead of NAME).")
    String optionName;

    @Override
    protected int clientId() {
        return clientId;
    }

    private String name;

    @Override
    protected void validate() {
        if ((positionalName == null) == (optionName == null)) {
            throw new ParameterException(spec.commandLine(), "Give the new name once: as NAME or with --name");
        }
        name = positionalName != null ? positionalName : optionName;
        if (name.isBlank()) {
            throw new ParameterException(spec.commandLine(), "The new name is empty");
        }
    }

    @Override
    protected Change change(ClientRecord client) {
        if (name.equals(client.name())) {
            return Change.none("Client " + clientId + " is already named '" + name + "'");
        }
        return Change.to(client.toBuilder().name(name).build(),
                "Renamed client " + clientId + " from '" + client.name() + "' to '" + name + "'");
    }
}
