package dev.hivemind.registry.postgres;

import dev.hivemind.api.registry.ClientStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The schema of the PostgreSQL registry, versioned in its own table {@code registry_migrations} (one row per applied
 * version) and brought up to date in one transaction when a store opens. Several hub nodes starting at once do not
 * race: each takes a transaction-scoped advisory lock for the schema first ({@link #LOCK_CLASS}, the schema name's
 * hash), so one migrates while the others wait and then find nothing to do. DDL is transactional in PostgreSQL: a
 * failed step leaves the database as it was.
 *
 * <p>Version 1: {@code clients} (one row per client, ids kept for revoked ones; an active access key is unique,
 * enforced by a partial unique index) and {@code client_credentials} (one row per client and auth method, every
 * method's credential, the password and pre-shared key included).
 */
final class PgMigrations {
    /** The schema version this code reads and writes. */
    static final int CURRENT = 1;
    /** First key of the advisory locks this plugin takes ("HIVE"); the second is the schema name's hash. */
    static final int LOCK_CLASS = 0x48495645;

    private record Migration(int version, String description, List<String> statements) {
    }

    private static final List<Migration> MIGRATIONS = List.of(new Migration(1, "clients and their credentials", List.of(
            """
            CREATE TABLE clients (
                client_id integer PRIMARY KEY CHECK (client_id > 0),
                api_key text NOT NULL CHECK (api_key <> ''),
                name text NOT NULL DEFAULT '',
                description text NOT NULL DEFAULT '',
                is_admin boolean NOT NULL DEFAULT false,
                last_seen double precision NOT NULL DEFAULT -1,
                intent_blacklist text[] NOT NULL DEFAULT '{}',
                skill_blacklist text[] NOT NULL DEFAULT '{}',
                message_blacklist text[] NOT NULL DEFAULT '{}',
                allowed_types text[] NOT NULL,
                can_broadcast boolean NOT NULL DEFAULT true,
                can_escalate boolean NOT NULL DEFAULT true,
                can_propagate boolean NOT NULL DEFAULT true,
                metadata json NOT NULL DEFAULT '{}'
            )""",
            "CREATE UNIQUE INDEX clients_active_api_key ON clients (api_key) WHERE api_key <> 'revoked'",
            """
            CREATE TABLE client_credentials (
                client_id integer NOT NULL REFERENCES clients (client_id) ON DELETE CASCADE,
                method text NOT NULL,
                credential text NOT NULL,
                PRIMARY KEY (client_id, method)
            )""")));

    private PgMigrations() {
    }

    /**
     * Creates the schema if missing and applies every version it lacks, in one transaction under the schema's
     * advisory lock.
     *
     * @return the version the database had before (0: new)
     * @throws ClientStoreException if the database has a newer version than this code knows
     */
    static int migrate(Connection c, String schema) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            lock(c, schema);
            try (Statement s = c.createStatement()) {
                if (!schemaExists(c, schema)) {
                    s.execute("CREATE SCHEMA " + schema);
                }
                if (!tableExists(c, schema, "registry_migrations")) { // checked first: an up-to-date schema needs no CREATE
                    s.execute("CREATE TABLE " + schema + ".registry_migrations (version integer PRIMARY KEY,"
                            + " description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
                }
                s.execute("SET LOCAL search_path TO " + schema);
                int found = version(s, schema);
                if (found > CURRENT) {
                    throw new ClientStoreException("the client database has schema version " + found
                            + ", newer than this program understands (" + CURRENT + "); use a newer hivemind");
                }
                for (Migration m : MIGRATIONS) {
                    if (m.version() > found) {
                        for (String sql : m.statements()) {
                            s.execute(sql);
                        }
                        try (PreparedStatement insert = c.prepareStatement(
                                "INSERT INTO registry_migrations (version, description) VALUES (?, ?)")) {
                            insert.setInt(1, m.version());
                            insert.setString(2, m.description());
                            insert.executeUpdate();
                        }
                    }
                }
                c.commit();
                return found;
            }
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** The highest applied version (0: none). */
    static int version(Statement s, String schema) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM " + schema + ".registry_migrations")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Takes the schema's transaction-scoped advisory lock (released at commit or rollback). */
    static void lock(Connection c, String schema) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
            ps.setInt(1, LOCK_CLASS);
            ps.setString(2, schema);
            ps.execute();
        }
    }

    private static boolean tableExists(Connection c, String schema, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, schema + "." + table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static boolean schemaExists(Connection c, String schema) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
