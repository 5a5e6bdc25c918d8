package dev.hivemind.registry.sqlite;

import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.registry.ClientRegistry;
import dev.hivemind.api.registry.ClientStore;
import dev.hivemind.api.registry.ClientStoreException;
import dev.hivemind.api.registry.ClientStoreRules;
import dev.hivemind.api.registry.ClientTransaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The hub's client database: one SQLite file in the data directory, laid out like the Python hub's
 * (hivemind-sqlite-database), so a Python {@code clients.db} can be used as it is.
 *
 * <p>Every write is one transaction. The file is opened in WAL mode with a busy timeout, so the CLI and a running
 * hub can use it at the same time; each reads what the other committed. The file is created with mode 0600
 * before SQLite writes to it. Deleting a client revokes it: the row stays, with the access key
 * {@value ClientRecord#REVOKED} and its secrets cleared, so ids are never reused.
 *
 * <p>As a {@link ClientRegistry} it never returns a revoked client. One store is safe to use from several threads
 * (calls are serialised on its single connection).
 */
public final class SqliteClientStore implements ClientStore {
    /** The database file's name inside the data directory. */
    public static final String FILE_NAME = "clients.db";

    private static final Logger LOG = LoggerFactory.getLogger(SqliteClientStore.class);
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;

    private final Path file;
    private final Connection connection;
    private final ClientTable table;
    private final Object lock = new Object();

    private SqliteClientStore(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
        this.table = new ClientTable(connection);
    }

    /**
     * Opens (creating if needed) the database file and brings its schema up to date. A missing parent directory
     * is created with mode 0700.
     */
    public static SqliteClientStore open(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        prepareFile(absolute);
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        Connection connection = null;
        try {
            connection = config.createConnection("jdbc:sqlite:" + absolute);
            int before = SchemaMigrations.migrate(connection);
            if (before != SchemaMigrations.CURRENT) {
                LOG.debug("client database {} migrated from schema version {} to {}", absolute, before,
                        SchemaMigrations.CURRENT);
            }
            return new SqliteClientStore(absolute, connection);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            if (e instanceof ClientStoreException cse) {
                throw new ClientStoreException(absolute + ": " + cse.getMessage(), cse);
            }
            throw new ClientStoreException("cannot open the client database " + absolute + ": " + describe(e), e);
        }
    }

    private static void prepareFile(Path file) {
        try {
            Path parent = file.getParent();
            if (parent != null) {
                OwnerOnlyFiles.ensureDirectory(parent);
            }
            if (!OwnerOnlyFiles.ensureFile(file)) {
                if (!Files.isRegularFile(file)) {
                    throw new ClientStoreException(file + " is not a regular file");
                }
                if (OwnerOnlyFiles.isSharedWithOthers(file)) {
                    LOG.warn("the client database {} holds secrets but other users may access it; run: chmod 600 {}",
                            file, file);
                }
            }
        } catch (IOException e) {
            throw new ClientStoreException("cannot create the client database " + file + ": " + describe(e), e);
        }
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    @Override
    public String location() {
        return file.toString();
    }

    /** The schema version of the file (always the current one once open). */
    @Override
    public int schemaVersion() {
        return read(() -> {
            try (var statement = connection.createStatement()) {
                return SchemaMigrations.userVersion(statement);
            }
        });
    }

    /**
     * Adds a new client and gives it the next free id ({@code draft}'s id is ignored). An empty name becomes
     * {@code HiveMind-Node-<id>}.
     *
     * @throws ClientStoreException if the access key is blank, {@value ClientRecord#REVOKED}, or held by another client
     */
    @Override
    public ClientRecord add(ClientRecord draft) {
        return write(() -> {
            ClientRecord record = ClientStoreRules.newClient(draft, table.nextId());
            requireUsableAccessKey(record);
            table.insert(record);
            return record;
        });
    }

    /** The client with this id, revoked or not. */
    @Override
    public Optional<ClientRecord> get(int clientId) {
        return read(() -> table.byId(clientId));
    }

    /** Every row, revoked clients included, by id. */
    @Override
    public List<ClientRecord> listAll() {
        return read(table::all);
    }

    /** Number of rows, revoked clients included. */
    @Override
    public int count() {
        return read(table::count);
    }

    /**
     * Changes a client in one transaction: {@code change} gets the stored record and returns the new one (or the
     * same record to change nothing).
     *
     * @return the record as stored afterwards
     * @throws ClientStoreException if there is no such client, it is revoked, or the change breaks a rule (a new id,
     *                              a blank, revoked or taken access key)
     */
    @Override
    public ClientRecord update(int clientId, UnaryOperator<ClientRecord> change) {
        return write(() -> {
            ClientRecord current = ClientStoreRules.requireActive(clientId, table.byId(clientId));
            ClientRecord updated = change.apply(current);
            if (updated.equals(current)) {
                return current;
            }
            ClientStoreRules.requireAllowedChange(clientId, updated);
            requireUsableAccessKey(updated);
            table.update(updated);
            return updated;
        });
    }

    /**
     * Revokes (deletes) a client: its row stays with the access key {@value ClientRecord#REVOKED}, no credentials
     * and no permissions, so its id is never given again. The name and description are kept.
     *
     * @return the record before it was revoked
     * @throws ClientStoreException if there is no such client or it is already revoked
     */
    @Override
    public ClientRecord revoke(int clientId) {
        return write(() -> {
            ClientRecord current = ClientStoreRules.requireActive(clientId, table.byId(clientId));
            table.update(ClientStoreRules.revoked(current));
            return current;
        });
    }

    /**
     * The client holding this access key, never a revoked one. If a database written elsewhere holds the key
     * twice, the lowest id wins (as in the Python hub) and a warning is logged.
     */
    @Override
    public Optional<ClientRecord> findByAccessKey(String accessKey) {
        if (accessKey == null || accessKey.isEmpty() || ClientRecord.REVOKED.equals(accessKey)) {
            return Optional.empty();
        }
        List<ClientRecord> found = read(() -> table.activeByAccessKey(accessKey));
        if (found.size() > 1) {
            LOG.warn("clients {} share one access key; client {} is used", found.stream().map(ClientRecord::clientId)
                    .toList(), found.get(0).clientId());
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Records when a client connected; failures are logged, never thrown. */
    @Override
    public void touch(int clientId, double epochSeconds) {
        try {
            write(() -> table.touch(clientId, epochSeconds));
        } catch (ClientStoreException e) {
            LOG.debug("could not record last_seen of client {}: {}", clientId, e.getMessage());
        }
    }

    /**
     * Stores a first-use credential in one write transaction: only if the client is active and holds no credential of
     * that method (of two hubs or connections racing, exactly one stores its key).
     */
    @Override
    public Enrollment enroll(int clientId, String method, String credential) {
        return write(() -> {
            Optional<ClientRecord> current = table.byId(clientId);
            if (current.isEmpty() || current.get().revoked()) {
                return Enrollment.REFUSED;
            }
            Optional<String> held = current.get().credential(method);
            if (held.isPresent()) {
                return held.get().equals(credential) ? Enrollment.ALREADY_HELD : Enrollment.REFUSED;
            }
            table.update(current.get().toBuilder().credential(method, credential).build());
            return Enrollment.STORED;
        });
    }

    /** Records several clients' connection times in one transaction; failures are logged, never thrown. */
    @Override
    public void touchAll(java.util.Map<Integer, Double> lastSeen) {
        try {
            write(() -> {
                for (java.util.Map.Entry<Integer, Double> e : lastSeen.entrySet()) {
                    table.touch(e.getKey(), e.getValue());
                }
                return null;
            });
        } catch (ClientStoreException e) {
            LOG.debug("could not record last_seen of {} client(s): {}", lastSeen.size(), e.getMessage());
        }
    }

    /** Runs {@code work} in one write transaction ({@code BEGIN IMMEDIATE}: other writers wait). */
    @Override
    public <T> T inTransaction(Function<ClientTransaction, T> work) {
        return write(() -> work.apply(new SqliteTransaction(table, this)));
    }

    /** An active record's access key must be usable and unique among active clients. */
    void requireUsableAccessKey(ClientRecord record) throws SQLException {
        ClientStoreRules.requireUsableAccessKey(record, record.apiKey() == null ? List.of()
                : table.activeByAccessKey(record.apiKey()));
    }

    private <T> T read(SqlWork<T> work) {
        synchronized (lock) {
            try {
                return work.run();
            } catch (SQLException e) {
                throw new ClientStoreException("cannot read the client database " + file + ": " + describe(e), e);
            }
        }
    }

    private <T> T write(SqlWork<T> work) {
        synchronized (lock) {
            try {
                return WriteTransaction.run(connection, work);
            } catch (SQLException e) {
                throw new ClientStoreException("cannot write the client database " + file + ": " + describe(e), e);
            }
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing left to do
            }
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("");
    }
}
