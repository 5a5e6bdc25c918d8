package dev.hivemind.registry.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.registry.ClientStoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Python hub's SQLite file (hivemind-sqlite-database) opens as it is, and what we write reads back the way the
 * Python plugin reads it. The DDL and the row values are those the Python plugin writes.
 */
class PythonLayoutTest {
    /** hivemind-sqlite-database's table before it gained the metadata column. */
    private static final String PYTHON_DDL_WITHOUT_METADATA = """
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
                can_propagate BOOLEAN DEFAULT TRUE
            )""";

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Connection raw(Path file) throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    /** Inserts a row as Python's sqlite3 does: bools as 0/1, lists via json.dumps (", " separators). */
    private static void pythonInsert(Connection c, int id, String key, String name, boolean admin, String allowed,
            String crypto, String password, String extraColumns, String extraValues) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO clients (client_id, api_key, name,"
                + " description, is_admin, last_seen, intent_blacklist, skill_blacklist, message_blacklist,"
                + " allowed_types, crypto_key, password, can_broadcast, can_escalate, can_propagate" + extraColumns
                + ") VALUES (?, ?, ?, '', ?, -1, '[\"skill-a:intent_b\"]', '[]', '[]', ?, ?, ?, 1, 0, 1"
                + extraValues + ")")) {
            ps.setInt(1, id);
            ps.setString(2, key);
            ps.setString(3, name);
            ps.setInt(4, admin ? 1 : 0);
            ps.setString(5, allowed);
            ps.setString(6, crypto);
            ps.setString(7, password);
            ps.executeUpdate();
        }
    }

    @Test
    void anOldPythonFileWithoutMetadataIsMigratedAndRead() throws Exception {
        Path file = dir.resolve("clients.db");
        try (Connection c = raw(file); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute(PYTHON_DDL_WITHOUT_METADATA);
            pythonInsert(c, 1, "key-one", "kitchen", true, "[\"recognizer_loop:utterance\", \"speak\"]",
                    "0123456789abcdef", "secret", "", "");
            pythonInsert(c, 2, "revoked", "", false, "[]", null, null, "", "");
            pythonInsert(c, 3, "key-three", "porch", false, "[\"speak\"]", null, "pw3", "", "");
        }
        try (SqliteClientStore store = SqliteClientStore.open(file)) {
            assertEquals(SchemaMigrations.CURRENT, store.schemaVersion());
            ClientRecord kitchen = store.findByAccessKey("key-one").orElseThrow();
            assertEquals(1, kitchen.clientId());
            assertEquals("kitchen", kitchen.name());
            assertTrue(kitchen.admin());
            assertEquals(List.of("recognizer_loop:utterance", "speak"), kitchen.allowedTypes());
            assertEquals(List.of("skill-a:intent_b"), kitchen.intentBlacklist());
            assertEquals("0123456789abcdef", kitchen.cryptoKey());
            assertEquals("secret", kitchen.password());
            assertTrue(kitchen.canBroadcast());
            assertTrue(!kitchen.canEscalate());
            assertEquals(Map.of(), kitchen.metadata());

            ClientRecord revoked = store.get(2).orElseThrow();
            assertTrue(revoked.revoked());
            assertEquals(ClientRecord.DEFAULT_ALLOWED_TYPES, revoked.allowedTypes(),
                    "an empty allowed_types reads as hivemind-core's defaults");
            assertEquals(List.of("speak", ClientRecord.UTTERANCE),
                    store.get(3).orElseThrow().allowedTypes(), "utterance is forced in, as in Python");
            assertEquals(4, store.add(ClientRecord.builder("key-four").build()).clientId());
        }
        try (Connection c = raw(file); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT metadata FROM clients WHERE client_id = 1")) {
            assertTrue(rs.next(), "the metadata column was added as Python itself would add it");
            assertNull(rs.getString(1));
        }
    }

    @Test
    void aCurrentPythonFileOpensAsItIs() throws Exception {
        Path file = dir.resolve("clients.db");
        try (Connection c = raw(file); Statement s = c.createStatement()) {
            s.execute(PYTHON_DDL_WITHOUT_METADATA);
            s.execute("ALTER TABLE clients ADD COLUMN metadata TEXT");
            pythonInsert(c, 5, "key-five", "den", false, "[\"speak\"]", null, "pw", ", metadata",
                    ", '{\"owner\": \"Z\\u00e9\", \"n\": 3}'");
        }
        try (SqliteClientStore store = SqliteClientStore.open(file)) {
            assertEquals(Map.of("owner", "Zé", "n", 3), store.get(5).orElseThrow().metadata());
        }
    }

    @Test
    void aListColumnReadsAsAJsonListOfStringsOrIsAClearError() throws Exception {
        Path file = dir.resolve("clients.db");
        List<String> bad = List.of("not json", "[1, 2]", "[\"speak\", null]", "{\"a\": 1}", "[\"speak\"",
                "[[\"speak\"]]", "null");
        try (Connection c = raw(file); Statement s = c.createStatement()) {
            s.execute(PYTHON_DDL_WITHOUT_METADATA);
            pythonInsert(c, 1, "key-1", "good", false, " [ \"speak\" , \"caf\\u00e9\" ] ", null, "pw", "", "");
            for (int i = 0; i < bad.size(); i++) {
                pythonInsert(c, 2 + i, "key-" + (2 + i), "bad", false, bad.get(i), null, "pw", "", "");
            }
        }
        try (SqliteClientStore store = SqliteClientStore.open(file)) {
            assertEquals(List.of("speak", "café", ClientRecord.UTTERANCE), store.get(1).orElseThrow().allowedTypes());
            for (int i = 0; i < bad.size(); i++) {
                int id = 2 + i;
                ClientStoreException e = assertThrows(ClientStoreException.class, () -> store.get(id), bad.get(id - 2));
                assertTrue(e.getMessage().contains("client " + id + ": column allowed_types is not a JSON list of"
                        + " strings"), e.getMessage());
            }
        }
    }

    @Test
    void whatWeWriteReadsBackThePythonWay() throws Exception {
        Path file = dir.resolve("clients.db");
        try (SqliteClientStore store = SqliteClientStore.open(file)) {
            store.add(ClientRecord.builder("key-a").name("attic").admin(true).password("pw")
                    .cryptoKey("k".repeat(32)).skillBlacklist(List.of("skill-x")).metadata(Map.of("o", "p"))
                    .credential(ClientRecord.RSA, "PEM").build());
        }
        // hivemind-sqlite-database reads SELECT * by column name, bool() the flags and json.loads the lists
        try (Connection c = raw(file); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT *, typeof(is_admin) AS t_admin, typeof(last_seen) AS t_seen,"
                        + " typeof(client_id) AS t_id FROM clients")) {
            assertTrue(rs.next());
            assertEquals("integer", rs.getString("t_id"));
            assertEquals("integer", rs.getString("t_admin"));
            assertEquals("real", rs.getString("t_seen"));
            assertEquals(1, rs.getInt("is_admin"));
            assertEquals(1, rs.getInt("can_broadcast"));
            assertEquals("key-a", rs.getString("api_key"));
            assertEquals("attic", rs.getString("name"));
            assertEquals("", rs.getString("description"));
            assertEquals("pw", rs.getString("password"));
            assertEquals(List.of("skill-x"), JSON.readValue(rs.getString("skill_blacklist"), List.class));
            assertEquals(List.of(), JSON.readValue(rs.getString("intent_blacklist"), List.class));
            assertEquals(ClientRecord.DEFAULT_ALLOWED_TYPES, JSON.readValue(rs.getString("allowed_types"), List.class));
            JsonNode metadata = JSON.readTree(rs.getString("metadata"));
            assertTrue(metadata.isObject());
            assertEquals("p", metadata.get("o").asText());
        }
    }

    @Test
    void aPythonRewriteOfTheRowKeepsThePinnedKey() throws Exception {
        Path file = dir.resolve("clients.db");
        try (SqliteClientStore store = SqliteClientStore.open(file)) {
            store.add(ClientRecord.builder("key-a").name("attic").credential(ClientRecord.RSA, "PEM").build());
        }
        // Python's update_item is INSERT OR REPLACE of its sixteen columns
        try (Connection c = raw(file)) {
            pythonInsert(c, 1, "key-a", "renamed by python", false, "[]", null, "pw", ", metadata", ", '{}'");
        }
        try (SqliteClientStore store = SqliteClientStore.open(file)) {
            ClientRecord r = store.get(1).orElseThrow();
            assertEquals("renamed by python", r.name());
            assertEquals("PEM", r.credential(ClientRecord.RSA).orElseThrow());
        }
    }
}
