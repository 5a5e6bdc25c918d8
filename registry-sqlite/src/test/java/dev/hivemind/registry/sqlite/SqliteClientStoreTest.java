package dev.hivemind.registry.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.registry.ClientStore;
import dev.hivemind.api.registry.ClientStoreContract;
import dev.hivemind.api.registry.ClientStoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry contract on a SQLite file, and what only a file has: its layout, mode and journal. */
class SqliteClientStoreTest extends ClientStoreContract {
    @TempDir
    Path dir;

    private SqliteClientStore open() {
        return SqliteClientStore.open(dir.resolve("home").resolve(SqliteClientStore.FILE_NAME));
    }

    @Override
    protected ClientStore openStore() {
        return open();
    }

    @Test
    void anEmptyFileIsMigratedToTheCurrentSchema() throws Exception {
        try (SqliteClientStore store = open()) {
            assertEquals(SchemaMigrations.CURRENT, store.schemaVersion());
            assertTrue(store.listAll().isEmpty());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("home/clients.db"));
                Statement s = c.createStatement()) {
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("PRAGMA table_info(clients)")) {
                while (rs.next()) {
                    columns.add(rs.getString("name"));
                }
            }
            List<String> expected = new ArrayList<>(SchemaMigrations.PYTHON_COLUMNS);
            expected.add("metadata");
            assertEquals(expected, columns, "exactly hivemind-sqlite-database's columns, in its order");
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                rs.next();
                assertEquals("wal", rs.getString(1));
            }
        }
    }

    @Test
    void theFileIsOwnerOnlyAndTheMissingDataDirectoryToo() throws Exception {
        Path home = dir.resolve("home");
        try (SqliteClientStore store = open()) {
            store.add(draft("a"));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())));
            Path wal = store.file().resolveSibling(SqliteClientStore.FILE_NAME + "-wal");
            assertTrue(Files.exists(wal), "WAL mode keeps a -wal file while open");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(wal)));
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home)));
    }

    @Test
    void anExistingDirectoryKeepsItsMode() throws Exception {
        Path shared = Files.createDirectory(dir.resolve("shared"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        try (SqliteClientStore store = SqliteClientStore.open(shared.resolve("clients.db"))) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())));
        }
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(shared)));
    }










    @Test
    void aNewerSchemaIsRefused() throws Exception {
        Path file = dir.resolve("clients.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        ClientStoreException e = assertThrows(ClientStoreException.class, () -> SqliteClientStore.open(file));
        assertTrue(e.getMessage().contains("schema version 99"), e.getMessage());
    }

    @Test
    void aClientsTableOfAnotherShapeIsRefusedUntouched() throws Exception {
        Path file = dir.resolve("clients.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE clients (id INTEGER PRIMARY KEY, email TEXT)");
        }
        ClientStoreException e = assertThrows(ClientStoreException.class, () -> SqliteClientStore.open(file));
        assertTrue(e.getMessage().contains("no column 'client_id'"), e.getMessage());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "the failed migration was rolled back");
        }
    }

    @Test
    void aDirectoryInPlaceOfTheFileIsAClearError() throws Exception {
        Path file = Files.createDirectories(dir.resolve("clients.db"));
        ClientStoreException e = assertThrows(ClientStoreException.class, () -> SqliteClientStore.open(file));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
    }

    @Test
    void idsDifferAcrossReopen() {
        try (SqliteClientStore store = open()) {
            store.add(draft("a"));
        }
        try (SqliteClientStore store = open()) {
            assertNotEquals(1, store.add(draft("b")).clientId());
        }
    }
}
