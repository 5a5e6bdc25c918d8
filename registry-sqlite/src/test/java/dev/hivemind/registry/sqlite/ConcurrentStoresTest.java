package dev.hivemind.registry.sqlite;

import dev.hivemind.api.registry.ClientStore;
import dev.hivemind.api.registry.ConcurrentClientStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Several stores on one file, as the CLI and a running hub are (WAL, busy timeout, {@code BEGIN IMMEDIATE}). */
class ConcurrentStoresTest extends ConcurrentClientStoreContract {
    @TempDir
    Path dir;

    @Override
    protected ClientStore openStore() {
        return SqliteClientStore.open(dir.resolve("clients.db"));
    }
}
