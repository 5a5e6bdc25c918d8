package dev.hivemind.registry.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.registry.ClientStore;
import dev.hivemind.api.registry.ClientStoreException;
import dev.hivemind.api.registry.ClientStoreRules;
import dev.hivemind.api.registry.ClientTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clients in PostgreSQL, shared by every hub node and the CLI: each call borrows a pooled connection (blocking;
 * the hub calls it on its I/O pool), and each change is one transaction. Writes that give ids or check access keys
 * (add, update, revoke, {@link #inTransaction}) first take the schema's advisory lock, so they are serialised across
 * nodes; a partial unique index keeps an active access key unique whatever happens. A first-use enrolment locks only
 * the client's row, so of several nodes racing, exactly one stores its key. Connection times ({@link #touchAll}) are
 * written in one transaction, rows in id order (no deadlock between nodes), never moving {@code last_seen} back.
 */
final class PostgresClientStore implements ClientStore {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresClientStore.class);

    private final HikariDataSource pool;
    private final PostgresSettings settings;

    PostgresClientStore(HikariDataSource pool, PostgresSettings settings) {
        this.pool = pool;
        this.settings = settings;
    }

    @Override
    public String location() {
        return settings.location();
    }

    @Override
    public int schemaVersion() {
        return read(c -> {
            try (var s = c.createStatement()) {
                return PgMigrations.version(s, settings.schema());
            }
        });
    }

    @Override
    public ClientRecord add(ClientRecord draft) {
        return write(true, rows -> {
            ClientRecord record = ClientStoreRules.newClient(draft, rows.nextId());
            requireUsableAccessKey(rows, record);
            rows.insert(record);
            return record;
        });
    }

    @Override
    public Optional<ClientRecord> get(int clientId) {
        return read(c -> new ClientRows(c).byId(clientId, false));
    }

    @Override
    public List<ClientRecord> listAll() {
        return read(c -> new ClientRows(c).all());
    }

    @Override
    public int count() {
        return read(c -> new ClientRows(c).count());
    }

    @Override
    public ClientRecord update(int clientId, UnaryOperator<ClientRecord> change) {
        return write(true, rows -> {
            ClientRecord current = ClientStoreRules.requireActive(clientId, rows.byId(clientId, true));
            ClientRecord updated = change.apply(current);
            if (updated.equals(current)) {
                return current;
            }
            ClientStoreRules.requireAllowedChange(clientId, updated);
            requireUsableAccessKey(rows, updated);
            rows.replace(updated);
            return updated;
        });
    }

    @Override
    public ClientRecord revoke(int clientId) {
        return write(true, rows -> {
            ClientRecord current = ClientStoreRules.requireActive(clientId, rows.byId(clientId, true));
            rows.replace(ClientStoreRules.revoked(current));
            return current;
        });
    }

    /** The client holding this access key, never a revoked one (an index makes it at most one). */
    @Override
    public Optional<ClientRecord> findByAccessKey(String accessKey) {
        if (accessKey == null || accessKey.isEmpty() || ClientRecord.REVOKED.equals(accessKey)) {
            return Optional.empty();
        }
        return read(c -> new ClientRows(c).activeByAccessKey(accessKey)).stream().findFirst();
    }

    @Override
    public void touch(int clientId, double epochSeconds) {
        touchAll(Map.of(clientId, epochSeconds));
    }

    /** One transaction for all, failures logged and never thrown (best effort). */
    @Override
    public void touchAll(Map<Integer, Double> lastSeen) {
        if (lastSeen.isEmpty()) {
            return;
        }
        try {
            write(false, rows -> {
                try (PreparedStatement ps = rows.connection().prepareStatement("UPDATE clients SET last_seen ="
                        + " GREATEST(last_seen, ?) WHERE client_id = ? AND api_key <> 'revoked'")) {
                    for (Map.Entry<Integer, Double> e : new TreeMap<>(lastSeen).entrySet()) {
                        ps.setDouble(1, e.getValue());
                        ps.setInt(2, e.getKey());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                return null;
            });
        } catch (ClientStoreException e) {
            LOG.debug("could not record last_seen of {} client(s): {}", lastSeen.size(), e.getMessage());
        }
    }

    /** Locks the client's row, then stores the credential only if it holds none of that method. */
    @Override
    public Enrollment enroll(int clientId, String method, String credential) {
        return write(false, rows -> {
            Optional<ClientRecord> current = rows.byId(clientId, true);
            if (current.isEmpty() || current.get().revoked()) {
                return Enrollment.REFUSED;
            }
            Optional<String> held = current.get().credential(method);
            if (held.isPresent()) {
                return held.get().equals(credential) ? Enrollment.ALREADY_HELD : Enrollment.REFUSED;
            }
            return rows.addCredential(clientId, method, credential) ? Enrollment.STORED : Enrollment.REFUSED;
        });
    }

    @Override
    public <T> T inTransaction(Function<ClientTransaction, T> work) {
        return write(true, rows -> work.apply(new PgTransaction(rows, this)));
    }

    /** An active record's access key must be usable and held by no other active client. */
    static void requireUsableAccessKey(ClientRows rows, ClientRecord record) throws SQLException {
        ClientStoreRules.requireUsableAccessKey(record, record.apiKey() == null ? List.of()
                : rows.activeByAccessKey(record.apiKey()));
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run(ClientRows rows) throws SQLException;
    }

    @FunctionalInterface
    private interface Query<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T read(Query<T> query) {
        try (Connection c = pool.getConnection()) {
            return query.run(c);
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    /** Runs {@code work} in one transaction; {@code serialised}: under the schema's advisory lock first. */
    private <T> T write(boolean serialised, SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (serialised) {
                    PgMigrations.lock(c, settings.schema());
                }
                T result = work.run(new ClientRows(c));
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException lost) {
                    e.addSuppressed(lost); // the connection is gone: the server rolls back by itself
                }
                throw e;
            }
        } catch (SQLException e) {
            throw failure("write", e);
        }
    }

    private ClientStoreException failure(String what, SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst()
                .orElse("");
        if ("23505".equals(e.getSQLState())) {
            message = "an active client already holds that access key";
        }
        return new ClientStoreException("cannot " + what + " the client database " + location() + ": " + message, e);
    }

    @Override
    public void close() {
        pool.close();
    }
}
