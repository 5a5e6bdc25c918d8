package dev.hivemind.dist.cli;

import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.registry.ClientStore;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A command that changes one client in one transaction. A change that is already in place is not an error: the
 * command says so and succeeds (as hivemind-core's CLI does). The permission commands build on
 * {@link FlagCommand} (yes/no permissions) and {@link ListEntryCommand} (list entries).
 */
abstract class ClientChangeCommand extends ClientStoreCommand {
    /** The id of the client to change. */
    protected abstract int clientId();

    /** Decides the change from the stored record (called inside the transaction). */
    protected abstract Change change(ClientRecord client);

    @Override
    protected final void run(ClientStore store, PrintWriter out) {
        AtomicReference<Change> decided = new AtomicReference<>();
        store.update(clientId(), current -> {
            decided.set(change(current));
            return decided.get().updated() == null ? current : decided.get().updated();
        });
        out.println(Text.printable(decided.get().message()));
    }

    /** The new record (or {@code null} to change nothing) and what to tell the user. */
    record Change(ClientRecord updated, String message) {
        static Change to(ClientRecord updated, String message) {
            return new Change(updated, message);
        }

        static Change none(String message) {
            return new Change(null, message);
        }
    }
}
