package dev.hivemind.dist.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.registry.ClientStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientImporterTest {
    @TempDir
    Path dir;

    private LegacyClientFile.Contents contents;

    @BeforeEach
    void readFixture() throws Exception {
        contents = LegacyClientFile.read(LegacyClientFileTest.fixture(dir));
    }

    private ClientStore open() {
        return HomeDatabase.open(dir);
    }

    @Test
    void importsEveryClientKeepingIdsAndSecrets() {
        try (ClientStore store = open()) {
            ImportReport report = new ClientImporter(store).importAll(contents, false);
            assertTrue(report.applied());
            assertEquals(List.of(1, 2, 3, 4), report.added());
            assertEquals(contents.records(), store.listAll(), "every field as in the file");

            ClientRecord kitchen = store.findByAccessKey("8f0c2b1e6a9d4c3b2a1f0e9d8c7b6a59").orElseThrow();
            assertEquals("0d3e5a7c9b1f2e4d6a8c0b2e4f6a8c0e", kitchen.password());
            assertEquals("6a1f3c9e0b2d4f87", kitchen.cryptoKey());
            assertTrue(store.get(2).orElseThrow().revoked());
            assertEquals(5, store.add(ClientRecord.builder("new").build()).clientId(),
                    "new clients continue after the imported ids");
        }
    }

    @Test
    void weakKeysAreReportedByIdOnly() {
        try (ClientStore store = open()) {
            ImportReport report = new ClientImporter(store).importAll(contents, false);
            String warning = report.notes().stream().filter(n -> n.startsWith("warning:")).findFirst().orElseThrow();
            assertTrue(warning.contains("[1, 4]"), warning);
            assertFalse(warning.contains("6a1f3c9e0b2d4f87"), warning);
        }
    }

    @Test
    void importingTwiceChangesNothing() {
        try (ClientStore store = open()) {
            new ClientImporter(store).importAll(contents, false);
            store.touch(1, 1760000000);
            ImportReport again = new ClientImporter(store).importAll(contents, false);
            assertTrue(again.applied());
            assertEquals(List.of(), again.added());
            assertEquals(List.of(1, 2, 3, 4), again.unchanged(), "a newer last_seen is no difference");
            assertEquals(1760000000, store.get(1).orElseThrow().lastSeen());
        }
    }

    @Test
    void aConflictWritesNothingAndNamesFieldsNotValues() {
        try (ClientStore store = open()) {
            store.add(ClientRecord.builder("someone-else").name("existing").password("x").build());
            ImportReport report = new ClientImporter(store).importAll(contents, false);
            assertFalse(report.applied());
            assertEquals(1, report.conflicts().size());
            String conflict = report.conflicts().get(0);
            assertTrue(conflict.startsWith("client 1: differs from the stored client in [api_key, name,"), conflict);
            assertFalse(conflict.contains("someone-else"), conflict);
            assertEquals(1, store.listAll().size(), "clients 2 to 4 were rolled back too");
        }
    }

    @Test
    void overwriteReplacesDifferingClientsAndKeepsAPinnedKey() {
        try (ClientStore store = open()) {
            new ClientImporter(store).importAll(contents, false);
            store.update(3, c -> c.toBuilder().name("renamed here").credential(ClientRecord.RSA, "PEM").build());
            ImportReport refused = new ClientImporter(store).importAll(contents, false);
            assertEquals(List.of("client 3: differs from the stored client in [name]"), refused.conflicts());

            ImportReport replaced = new ClientImporter(store).importAll(contents, true);
            assertTrue(replaced.applied());
            assertEquals(List.of(3), replaced.replaced());
            assertEquals("Zé's living room", store.get(3).orElseThrow().name());
            assertEquals("PEM", store.get(3).orElseThrow().credential(ClientRecord.RSA).orElseThrow());
        }
    }

    @Test
    void aRevokedClientIsNeverRevived() {
        try (ClientStore store = open()) {
            new ClientImporter(store).importAll(contents, false);
            store.revoke(1);
            ImportReport report = new ClientImporter(store).importAll(contents, true);
            assertFalse(report.applied());
            assertEquals(List.of("client 1: is revoked here and is never revived"), report.conflicts());
            assertTrue(store.get(1).orElseThrow().revoked());
        }
    }

    @Test
    void anAccessKeyHeldByAnotherClientIsAConflictEvenWithOverwrite() throws Exception {
        try (ClientStore store = open()) {
            store.add(ClientRecord.builder("x").build());
            store.add(ClientRecord.builder("x2").build());
            store.add(ClientRecord.builder("x3").build());
            store.add(ClientRecord.builder("x4").build());
            store.add(ClientRecord.builder("legacy-node-key").build());
            Path file = Files.writeString(dir.resolve("one.json"),
                    "{\"9\": {\"client_id\": 9, \"api_key\": \"legacy-node-key\"}}");
            ImportReport report = new ClientImporter(store).importAll(LegacyClientFile.read(file), true);
            assertEquals(List.of("client 9: its access key is already used by client 5"), report.conflicts());
            assertTrue(store.get(9).isEmpty());
        }
    }
}
