package dev.hivemind.registry.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.registry.ClientStore;
import dev.hivemind.api.registry.ClientStoreContract;
import dev.hivemind.api.registry.ClientStoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry contract on a real PostgreSQL, and what only PostgreSQL has: its schema and the stored layout. */
class PostgresClientStoreTest extends ClientStoreContract {
    private static TestPostgres postgres;

    @TempDir
    Path dir;

    private PluginSettings settings;

    @BeforeAll
    static void startServer() {
        postgres = TestPostgres.start();
    }

    @AfterAll
    static void stopServer() {
        postgres.close();
    }

    @BeforeEach
    void freshSchema() {
        settings = postgres.freshSchema();
    }

    @Override
    protected ClientStore openStore() {
        return new PostgresClientStoreFactory(Map.of()).open(settings, dir);
    }

    private String schema() {
        return settings.string("schema").orElseThrow();
    }

    @Test
    void theTablesLiveInTheirOwnSchemaWithCredentialsInTheirOwnTable() throws Exception {
        try (ClientStore store = openStore()) {
            store.add(full("key"));
            assertEquals(PgMigrations.CURRENT, store.schemaVersion());
            assertTrue(store.location().endsWith("/postgres (schema " + schema() + ")"), store.location());
            assertFalse(store.location().contains("user="), "no URL parameters in messages");
        }
        try (Connection c = DriverManager.getConnection(postgres.url()); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT method, credential FROM " + schema()
                    + ".client_credentials ORDER BY method")) {
                assertTrue(rs.next());
                assertEquals(ClientRecord.PASSWORD, rs.getString(1));
                assertEquals("pässwörd", rs.getString(2));
                assertTrue(rs.next());
                assertEquals(ClientRecord.PSK, rs.getString(1));
            }
            try (ResultSet rs = s.executeQuery("SELECT version, description FROM " + schema() + ".registry_migrations")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
                assertFalse(rs.next());
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema ="
                    + " 'public' AND table_name IN ('clients', 'client_credentials')")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "nothing in the public schema");
            }
        }
    }

    @Test
    void theDatabaseItselfKeepsAnActiveAccessKeyUnique() throws Exception {
        try (ClientStore store = openStore()) {
            store.add(ClientRecord.builder("one").build());
        }
        try (Connection c = DriverManager.getConnection(postgres.url()); Statement s = c.createStatement()) {
            assertThrows(java.sql.SQLException.class, () -> s.execute("INSERT INTO " + schema()
                    + ".clients (client_id, api_key, allowed_types) VALUES (5, 'one', '{}')"));
            s.execute("INSERT INTO " + schema() + ".clients (client_id, api_key, allowed_types) VALUES (6, 'revoked',"
                    + " '{}'), (7, 'revoked', '{}')");
        }
    }

    @Test
    void lastSeenNeverMovesBackwards() {
        try (ClientStore store = openStore()) {
            store.add(ClientRecord.builder("a").build());
            store.touchAll(Map.of(1, 1750000010.0));
            store.touchAll(Map.of(1, 1750000005.0)); // another node's older batch
            assertEquals(1750000010.0, store.get(1).orElseThrow().lastSeen());
        }
    }

    @Test
    void reopeningMigratesNothingAndANewerSchemaIsRefused() throws Exception {
        try (ClientStore store = openStore()) {
            store.add(ClientRecord.builder("a").build());
        }
        try (ClientStore again = openStore()) {
            assertEquals(List.of(1), again.listAll().stream().map(ClientRecord::clientId).toList());
        }
        try (Connection c = DriverManager.getConnection(postgres.url()); Statement s = c.createStatement()) {
            s.execute("INSERT INTO " + schema() + ".registry_migrations (version, description) VALUES (99, 'future')");
        }
        ClientStoreException e = assertThrows(ClientStoreException.class, this::openStore);
        assertTrue(e.getMessage().contains("schema version 99"), e.getMessage());
    }

    @Test
    void anUnreachableServerIsAClearErrorSoon() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, Object> unreachable = new HashMap<>(Map.of("host", "127.0.0.1", "port", port,
                "connect_timeout", "1s"));
        ClientStoreException e = assertThrows(ClientStoreException.class,
                () -> new PostgresClientStoreFactory(Map.of()).open(PluginSettings.of(unreachable), dir));
        assertTrue(e.getMessage().startsWith("cannot connect to the client database jdbc:postgresql://127.0.0.1:"
                + port + "/hivemind (schema hivemind)"), e.getMessage());
    }
}
