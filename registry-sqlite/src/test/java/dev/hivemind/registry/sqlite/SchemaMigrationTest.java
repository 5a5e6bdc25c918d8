package dev.hivemind.registry.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.registry.ClientRegistry.Enrollment;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client database of schema version 2 (what the JVM hub wrote before per-method credentials: hivemind-core's
 * {@code clients} table plus {@code client_extras} with a pinned RSA key) opens, migrates to version 3 in place, and
 * keeps every credential: hivemind-core's columns untouched, the pinned key now the client's {@code rsa} credential.
 */
class SchemaMigrationTest {
    @TempDir
    Path dir;

    @Test
    void aVersion2FileKeepsEveryCredentialAndThePythonColumnsAsTheyWere() throws Exception {
        Path file = dir.resolve("clients.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE clients (client_id INTEGER PRIMARY KEY, api_key VARCHAR(255) NOT NULL,
                        name VARCHAR(255), description VARCHAR(255), is_admin BOOLEAN DEFAULT FALSE,
                        last_seen REAL DEFAULT -1, intent_blacklist TEXT, skill_blacklist TEXT, message_blacklist TEXT,
                        allowed_types TEXT, crypto_key VARCHAR(16), password TEXT, can_broadcast BOOLEAN DEFAULT TRUE,
                        can_escalate BOOLEAN DEFAULT TRUE, can_propagate BOOLEAN DEFAULT TRUE, metadata TEXT)""");
            s.execute("CREATE TABLE client_extras (client_id INTEGER PRIMARY KEY, rsa_public_key TEXT)");
            s.execute("CREATE INDEX clients_api_key ON clients (api_key)");
            s.execute("INSERT INTO clients VALUES (1, 'key-one', 'kitchen', '', 0, 1700000000.5, '[]', '[]', '[]',"
                    + " '[\"recognizer_loop:utterance\"]', '0123456789abcdef', 'pw-one', 1, 1, 1, '{}')");
            s.execute("INSERT INTO clients VALUES (2, 'key-two', 'porch', '', 1, -1, '[]', '[]', '[]', '[]', NULL,"
                    + " 'pw-two', 1, 0, 1, '{}')");
            s.execute("INSERT INTO client_extras VALUES (2, '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----')");
            s.execute("PRAGMA user_version = 2");
        }

        try (SqliteClientStore store = SqliteClientStore.open(file)) {
            assertEquals(3, store.schemaVersion());
            ClientRecord one = store.get(1).orElseThrow();
            assertEquals(Map.of(ClientRecord.PASSWORD, "pw-one", ClientRecord.PSK, "0123456789abcdef"),
                    one.credentials());
            assertEquals(1700000000.5, one.lastSeen());
            ClientRecord two = store.get(2).orElseThrow();
            assertEquals(Map.of(ClientRecord.PASSWORD, "pw-two",
                    ClientRecord.RSA, "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"), two.credentials());
            assertTrue(two.admin());
        }

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            assertEquals(SchemaMigrations.PYTHON_COLUMNS.size() + 1, SchemaMigrations.columns(s, "clients").size(),
                    "hivemind-core's columns and metadata, nothing more");
            assertFalse(tableExists(s, "client_extras"), "folded into client_credentials");
            try (ResultSet rs = s.executeQuery("SELECT password, crypto_key FROM clients WHERE client_id = 1")) {
                assertTrue(rs.next());
                assertEquals("pw-one", rs.getString(1));
                assertEquals("0123456789abcdef", rs.getString(2));
            }
        }
    }

    @Test
    void aDropInCredentialAndAnEnrolledKeyLiveBesidePythonsColumnsAndRevocationClearsThem() {
        try (SqliteClientStore store = SqliteClientStore.open(dir.resolve("clients.db"))) {
            ClientRecord added = store.add(ClientRecord.builder("key").name("den").password("pw")
                    .credential("token", "drop-in secret").build());
            assertEquals(Enrollment.STORED, store.enroll(added.clientId(), ClientRecord.RSA, "PEM-1"));
            assertEquals(Enrollment.ALREADY_HELD, store.enroll(added.clientId(), ClientRecord.RSA, "PEM-1"));
            assertEquals(Enrollment.REFUSED, store.enroll(added.clientId(), ClientRecord.RSA, "PEM-2"),
                    "a second, different key is refused");
            ClientRecord stored = store.get(added.clientId()).orElseThrow();
            assertEquals(Optional.of("drop-in secret"), stored.credential("token"));
            assertEquals(Optional.of("PEM-1"), stored.credential(ClientRecord.RSA));

            store.revoke(added.clientId());
            assertTrue(store.get(added.clientId()).orElseThrow().credentials().isEmpty());
            assertEquals(Enrollment.REFUSED, store.enroll(added.clientId(), ClientRecord.RSA, "PEM-3"),
                    "a revoked client enrols nothing");
        }
    }

    private static boolean tableExists(Statement s, String table) throws Exception {
        try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '" + table
                + "'")) {
            return rs.next();
        }
    }
}
