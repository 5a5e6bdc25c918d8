package dev.hivemind.registry.postgres;

import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.registry.ClientStoreException;
import dev.hivemind.api.registry.ClientStoreRules;
import dev.hivemind.api.registry.ClientTransaction;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** {@link ClientTransaction} inside a write transaction of {@link PostgresClientStore} (under its advisory lock). */
final class PgTransaction implements ClientTransaction {
    private final ClientRows rows;
    private final PostgresClientStore store;

    PgTransaction(ClientRows rows, PostgresClientStore store) {
        this.rows = rows;
        this.store = store;
    }

    @Override
    public Optional<ClientRecord> get(int clientId) {
        return sql(() -> rows.byId(clientId, true));
    }

    @Override
    public List<ClientRecord> listAll() {
        return sql(rows::all);
    }

    @Override
    public List<ClientRecord> activeByAccessKey(String accessKey) {
        return sql(() -> rows.activeByAccessKey(accessKey));
    }

    @Override
    public void insert(ClientRecord record) {
        sql(() -> {
            ClientStoreRules.requireNewId(record, rows.byId(record.clientId(), false).isPresent());
            if (!record.revoked()) {
                PostgresClientStore.requireUsableAccessKey(rows, record);
            }
            rows.insert(record);
            return null;
        });
    }

    @Override
    public void replace(ClientRecord record) {
        sql(() -> {
            if (!record.revoked()) {
                PostgresClientStore.requireUsableAccessKey(rows, record);
            }
            if (!rows.replace(record)) {
                throw new ClientStoreException("no client with id " + record.clientId());
            }
            return null;
        });
    }

    @Override
    public void deleteAll() {
        sql(() -> {
            rows.deleteAll();
            return null;
        });
    }

    @FunctionalInterface
    private interface SqlCall<T> {
        T run() throws SQLException;
    }

    private <T> T sql(SqlCall<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new ClientStoreException("client database error in a transaction on " + store.location() + ": "
                    + e.getMessage(), e);
        }
    }
}
