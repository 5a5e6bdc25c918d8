package dev.hivemind.dist.cli;

import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.registry.ClientStore;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code delete-client ID}: revokes a client; its id is never given again. */
@Command(name = "delete-client", mixinStandardHelpOptions = true,
        description = "Revoke a client's credentials (the id stays reserved).")
final class DeleteClientCommand extends ClientStoreCommand {
    @Parameters(paramLabel = "ID", description = "The client's id.")
    int clientId;

    @Override
    protected void run(ClientStore store, PrintWriter out) {
        ClientRecord revoked = store.revoke(clientId);
        out.println("Revoked credentials!");
        out.println();
        out.println("Node ID: " + revoked.clientId());
        out.println("Friendly Name: " + Text.printable(revoked.name()));
    }
}
