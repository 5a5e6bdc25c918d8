package dev.hivemind.registry.sqlite;

import dev.hivemind.api.registry.ClientStoreException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The schema of the client database, versioned with {@code PRAGMA user_version} and brought up to date in one
 * transaction when a store opens the file.
 *
 * <p>Version 1 is the {@code clients} table of hivemind-sqlite-database (the Python hub's SQLite plugin), column
 * for column, so a Python hub's {@code clients.db} opens as it is and a file written here is read by Python.
 * A Python file has {@code user_version} 0, like an empty file; the step is idempotent and only adds the
 * {@code metadata} column older Python versions lacked. Later versions only add what Python never reads:
 * separate tables and indexes (Python replaces whole {@code clients} rows with {@code INSERT OR REPLACE}, which
 * would drop an extra column's value, but leaves other tables alone).
 *
 * <p>Version 3 keeps every credential Python has no column for in {@code client_credentials}, one row per client and
 * auth method (an enrolled RSA key, a drop-in method's credential); the {@code client_extras} table of version 2 is
 * folded into it. {@code password} and {@code crypto_key} stay in Python's columns.
 */
final class SchemaMigrations {
    /** The schema version this code reads and writes. */
    static final int CURRENT = 3;

    /** The columns of hivemind-sqlite-database's table, before {@code metadata} was added. */
    static final List<String> PYTHON_COLUMNS = List.of("client_id", "api_key", "name", "description", "is_admin",
            "last_seen", "intent_blacklist", "skill_blacklist", "message_blacklist", "allowed_types", "crypto_key",
            "password", "can_broadcast", "can_escalate", "can_propagate");

    private record Migration(int version, Step step) {
    }

    @FunctionalInterface
    private interface Step {
        void apply(Statement statement) throws SQLException;
    }

    private static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, SchemaMigrations::pythonClientsTable),
            new Migration(2, SchemaMigrations::clientExtras),
            new Migration(3, SchemaMigrations::clientCredentials));

    private SchemaMigrations() {
    }

    /**
     * Brings the schema to {@link #CURRENT} in one write transaction.
     *
     * @return the version the file had before
     * @throws ClientStoreException if the file was written by a newer version, or has a {@code clients} table of
     *                              another shape
     */
    static int migrate(Connection connection) throws SQLException {
        return WriteTransaction.run(connection, () -> {
            try (Statement statement = connection.createStatement()) {
                int found = userVersion(statement);
                if (found > CURRENT) {
                    throw new ClientStoreException("the client database has schema version " + found
                            + ", newer than this program understands (" + CURRENT + "); use a newer hivemind");
                }
                for (Migration migration : MIGRATIONS) {
                    if (migration.version() > found) {
                        migration.step().apply(statement);
                    }
                }
                if (found != CURRENT) {
                    statement.execute("PRAGMA user_version = " + CURRENT);
                }
                return found;
            }
        });
    }

    static int userVersion(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** v1: hivemind-sqlite-database's {@code clients} table (the DDL and column order are Python's). */
    private static void pythonClientsTable(Statement statement) throws SQLException {
        statement.execute("""
                CREATE TABLE IF NOT EXISTS clients (
                    client_id INTEGER PRIMARY KEY,
                    api_key VARCHAR(255) NOT NULL,
                    name VARCHAR(255),
                    description VARCHAR(255),
                    is_admin BOOLEAN DEFAULT FALSE,
                    last_seen REAL DEFAULT -1,
                    intent_blacklist TEXT,
                    skill_blacklist TEXT,
                    message_blacklist TEXT,
                    allowed_types TEXT,
                    crypto_key VARCHAR(16),
                    password TEXT,
                    can_broadcast BOOLEAN DEFAULT TRUE,
                    can_escalate BOOLEAN DEFAULT TRUE,
                    can_propagate BOOLEAN DEFAULT TRUE,
                    metadata TEXT
                )""");
        Set<String> columns = columns(statement, "clients");
        for (String required : PYTHON_COLUMNS) {
            if (!columns.contains(required)) {
                throw new ClientStoreException("the table 'clients' is not a HiveMind client table: it has no column '"
                        + required + "'");
            }
        }
        if (!columns.contains("metadata")) {
            statement.execute("ALTER TABLE clients ADD COLUMN metadata TEXT");
        }
    }

    /** v2: what the JVM hub keeps beside Python's columns (a pinned RSA key), and an index for key lookups. */
    private static void clientExtras(Statement statement) throws SQLException {
        statement.execute("""
                CREATE TABLE IF NOT EXISTS client_extras (
                    client_id INTEGER PRIMARY KEY,
                    rsa_public_key TEXT
                )""");
        statement.execute("CREATE INDEX IF NOT EXISTS clients_api_key ON clients (api_key)");
    }

    /** v3: one row per client and auth method for the credentials Python has no column for; v2's pins move in. */
    private static void clientCredentials(Statement statement) throws SQLException {
        statement.execute("""
                CREATE TABLE IF NOT EXISTS client_credentials (
                    client_id INTEGER NOT NULL,
                    method TEXT NOT NULL,
                    credential TEXT NOT NULL,
                    PRIMARY KEY (client_id, method)
                )""");
        statement.execute("INSERT OR IGNORE INTO client_credentials (client_id, method, credential) "
                + "SELECT client_id, 'rsa', rsa_public_key FROM client_extras "
                + "WHERE rsa_public_key IS NOT NULL AND rsa_public_key <> ''");
        statement.execute("DROP TABLE client_extras");
    }

    static Set<String> columns(Statement statement, String table) throws SQLException {
        Set<String> names = new HashSet<>();
        try (ResultSet rs = statement.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) {
                names.add(rs.getString("name"));
            }
        }
        return names;
    }
}
