package dev.hivemind.dist.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.registry.ClientRecord;
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

class ClientStoreTest {
    @TempDir
    Path dir;

    private ClientStore open() {
        return ClientStore.open(dir.resolve("home").resolve(ClientStore.FILE_NAME));
    }

    private static ClientRecord draft(String key) {
        return ClientRecord.builder(key).password("pw-" + key).cryptoKey("k".repeat(32)).build();
    }

    @Test
    void anEmptyFileIsMigratedToTheCurrentSchema() throws Exception {
        try (ClientStore store = open()) {
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
        try (ClientStore store = open()) {
            store.add(draft("a"));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())));
            Path wal = store.file().resolveSibling(ClientStore.FILE_NAME + "-wal");
            assertTrue(Files.exists(wal), "WAL mode keeps a -wal file while open");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(wal)));
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home)));
    }

    @Test
    void anExistingDirectoryKeepsItsMode() throws Exception {
        Path shared = Files.createDirectory(dir.resolve("shared"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        try (ClientStore store = ClientStore.open(shared.resolve("clients.db"))) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())));
        }
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(shared)));
    }

    @Test
    void addGivesIncreasingIdsAndDefaults() {
        try (ClientStore store = open()) {
            ClientRecord first = store.add(draft("a"));
            ClientRecord second = store.add(draft("b").toBuilder().name("porch").build());
            assertEquals(1, first.clientId());
            assertEquals(2, second.clientId());
            assertEquals("HiveMind-Node-1", first.name());
            assertEquals("porch", second.name());
            assertEquals(first, store.get(1).orElseThrow());
            assertEquals(ClientRecord.DEFAULT_ALLOWED_TYPES, first.allowedTypes());
            assertTrue(first.canBroadcast() && first.canEscalate() && first.canPropagate());
            assertEquals(-1, first.lastSeen());
            assertEquals(List.of(first, second), store.list());
        }
    }

    @Test
    void everyFieldSurvivesTheDatabase() {
        ClientRecord full = ClientRecord.builder("key-1").name("Zé").description("desc").admin(true)
                .lastSeen(1700000000.25).intentBlacklist(List.of("skill-a:intent_b")).skillBlacklist(List.of("skill-c"))
                .messageBlacklist(List.of("enclosure.x")).allowedTypes(List.of("speak")).cryptoKey("c".repeat(24))
                .password("pässwörd").canBroadcast(false).canEscalate(false).canPropagate(true)
                .credential(ClientRecord.RSA, "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n")
                .credential("token", "a drop-in method's own credential")
                .metadata(Map.of("owner", "me", "nested", Map.of("n", 1, "list", List.of(true, 2.5, "🚀"))))
                .build();
        try (ClientStore store = open()) {
            ClientRecord stored = store.add(full);
            assertEquals(full.toBuilder().clientId(stored.clientId()).build(), stored);
            assertEquals(stored, store.get(stored.clientId()).orElseThrow());
            assertEquals(List.of("speak", ClientRecord.UTTERANCE), stored.allowedTypes(),
                    "recognizer_loop:utterance is always allowed");
        }
    }

    @Test
    void revokeKeepsTheIdClearsSecretsAndIdsAreNeverReused() {
        try (ClientStore store = open()) {
            store.add(draft("a"));
            ClientRecord second = store.add(draft("b").toBuilder().admin(true).name("porch")
                    .credential(ClientRecord.RSA, "PEM").build());
            ClientRecord before = store.revoke(second.clientId());
            assertEquals(second, before);

            ClientRecord revoked = store.get(2).orElseThrow();
            assertTrue(revoked.revoked());
            assertEquals("porch", revoked.name());
            assertNull(revoked.password());
            assertNull(revoked.cryptoKey());
            assertTrue(revoked.credentials().isEmpty());
            assertFalse(revoked.admin());

            assertEquals(3, store.add(draft("c")).clientId(), "the highest id stays taken after its revocation");
            assertEquals(List.of(1, 3), store.list().stream().map(ClientRecord::clientId).toList());
            assertEquals(3, store.listAll().size());
            ClientStoreException again = assertThrows(ClientStoreException.class, () -> store.revoke(2));
            assertEquals("client 2 is revoked", again.getMessage());
        }
    }

    @Test
    void findByAccessKeyNeverReturnsRevokedClients() {
        try (ClientStore store = open()) {
            ClientRecord a = store.add(draft("a"));
            store.add(draft("b"));
            store.revoke(2);
            assertEquals(a, store.findByAccessKey("a").orElseThrow());
            assertTrue(store.findByAccessKey("b").isEmpty());
            assertTrue(store.findByAccessKey(ClientRecord.REVOKED).isEmpty());
            assertTrue(store.findByAccessKey("").isEmpty());
            assertTrue(store.findByAccessKey(null).isEmpty());
            assertTrue(store.findByAccessKey("nobody").isEmpty());
        }
    }

    @Test
    void anAccessKeyBelongsToOneClient() {
        try (ClientStore store = open()) {
            store.add(draft("a"));
            store.add(draft("b"));
            ClientStoreException onAdd = assertThrows(ClientStoreException.class, () -> store.add(draft("a")));
            assertEquals("client 3: the access key is already used by client 1", onAdd.getMessage());
            assertThrows(ClientStoreException.class,
                    () -> store.update(2, c -> c.toBuilder().apiKey("a").build()));
            assertThrows(ClientStoreException.class, () -> store.add(draft(ClientRecord.REVOKED)));
            assertThrows(ClientStoreException.class, () -> store.add(draft(" ")));
            assertEquals(2, store.count(), "failed writes left nothing behind");
            store.revoke(1);
            assertEquals(3, store.add(draft("a")).clientId(), "a revoked client's key may be given again");
        }
    }

    @Test
    void updateChangesOneClientAndKeepsItsRules() {
        try (ClientStore store = open()) {
            store.add(draft("a"));
            ClientRecord renamed = store.update(1, c -> c.toBuilder().name("attic").build());
            assertEquals("attic", store.get(1).orElseThrow().name());
            assertEquals(renamed, store.get(1).orElseThrow());
            assertThrows(ClientStoreException.class,
                    () -> store.update(1, c -> c.toBuilder().clientId(7).build()));
            assertThrows(ClientStoreException.class,
                    () -> store.update(1, c -> c.toBuilder().apiKey(ClientRecord.REVOKED).build()));
            assertEquals("no client with id 9",
                    assertThrows(ClientStoreException.class, () -> store.update(9, c -> c)).getMessage());
            store.revoke(1);
            assertEquals("client 1 is revoked",
                    assertThrows(ClientStoreException.class, () -> store.update(1, c -> c)).getMessage());
        }
    }

    @Test
    void aFailedChangeWritesNothing() {
        try (ClientStore store = open()) {
            ClientRecord a = store.add(draft("a"));
            assertThrows(IllegalStateException.class, () -> store.update(1, c -> {
                throw new IllegalStateException("changed my mind");
            }));
            assertEquals(a, store.get(1).orElseThrow());
        }
    }

    @Test
    void touchRecordsLastSeenOfActiveClientsOnly() {
        try (ClientStore store = open()) {
            store.add(draft("a"));
            store.add(draft("b"));
            store.revoke(2);
            store.touch(1, 1750000000.5);
            store.touch(2, 1750000000.5);
            store.touch(99, 1750000000.5);
            assertEquals(1750000000.5, store.get(1).orElseThrow().lastSeen());
            assertEquals(-1, store.get(2).orElseThrow().lastSeen());
        }
    }

    @Test
    void touchAllRecordsManyClientsAtOnceAndSkipsRevokedOnes() {
        try (ClientStore store = open()) {
            store.add(draft("a"));
            store.add(draft("b"));
            store.add(draft("c"));
            store.revoke(3);
            store.touchAll(java.util.Map.of(1, 1750000001.0, 2, 1750000002.5, 3, 1750000003.0, 99, 1.0));
            assertEquals(1750000001.0, store.get(1).orElseThrow().lastSeen());
            assertEquals(1750000002.5, store.get(2).orElseThrow().lastSeen());
            assertEquals(-1, store.get(3).orElseThrow().lastSeen());
        }
    }

    @Test
    void aNewerSchemaIsRefused() throws Exception {
        Path file = dir.resolve("clients.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        ClientStoreException e = assertThrows(ClientStoreException.class, () -> ClientStore.open(file));
        assertTrue(e.getMessage().contains("schema version 99"), e.getMessage());
    }

    @Test
    void aClientsTableOfAnotherShapeIsRefusedUntouched() throws Exception {
        Path file = dir.resolve("clients.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE clients (id INTEGER PRIMARY KEY, email TEXT)");
        }
        ClientStoreException e = assertThrows(ClientStoreException.class, () -> ClientStore.open(file));
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
        ClientStoreException e = assertThrows(ClientStoreException.class, () -> ClientStore.open(file));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
    }

    @Test
    void idsDifferAcrossReopen() {
        try (ClientStore store = open()) {
            store.add(draft("a"));
        }
        try (ClientStore store = open()) {
            assertNotEquals(1, store.add(draft("b")).clientId());
        }
    }
}
