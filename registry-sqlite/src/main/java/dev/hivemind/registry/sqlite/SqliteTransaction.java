package dev.hivemind.registry.sqlite;

import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.registry.ClientStoreException;
import dev.hivemind.api.registry.ClientStoreRules;
import dev.hivemind.api.registry.ClientTransaction;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** {@link ClientTransaction} over the table, inside the write transaction {@link SqliteClientStore} holds. */
final class SqliteTransaction implements ClientTransaction {
    private final ClientTable table;
    private final SqliteClientStore store;

    SqliteTransaction(ClientTable table, SqliteClientStore store) {
        this.table = table;
        this.store = store;
    }

    @Override
    public Optional<ClientRecord> get(int clientId) {
        return sql(() -> table.byId(clientId));
    }

    @Override
    public List<ClientRecord> listAll() {
        return sql(table::all);
    }

    @Override
    public List<ClientRecord> activeByAccessKey(String accessKey) {
        return sql(() -> table.activeByAccessKey(accessKey));
    }

    @Override
    public void insert(ClientRecord record) {
        sql(() -> {
            ClientStoreRules.requireNewId(record, table.byId(record.clientId()).isPresent());
            if (!record.revoked()) {
                store.requireUsableAccessKey(record);
            }
            table.insert(record);
            return null;
        });
    }

    @Override
    public void replace(ClientRecord record) {
        sql(() -> {
            if (!record.revoked()) {
                store.requireUsableAccessKey(record);
            }
            table.update(record);
            return null;
        });
    }

    @Override
    public void deleteAll() {
        sql(() -> {
            table.deleteAll();
            return null;
        });
    }

    private <T> T sql(SqlWork<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new ClientStoreException("client database error in a transaction on " + store.location() + ": "
                    + e.getMessage(), e);
        }
    }
}
