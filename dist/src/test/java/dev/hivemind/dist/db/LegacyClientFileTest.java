package dev.hivemind.dist.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.registry.ClientRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LegacyClientFileTest {
    @TempDir
    Path dir;

    static Path fixture(Path dir) throws Exception {
        Path file = dir.resolve("clients.json");
        try (var in = LegacyClientFileTest.class.getResourceAsStream("/fixtures/hivemind-core-clients.json")) {
            Files.copy(in, file);
        }
        return file;
    }

    private Path write(String json) throws Exception {
        return Files.writeString(dir.resolve("clients.json"), json);
    }

    @Test
    void readsEveryRecordOfAHivemindCoreFile() throws Exception {
        LegacyClientFile.Contents contents = LegacyClientFile.read(fixture(dir));
        List<ClientRecord> records = contents.records();
        assertEquals(List.of(1, 2, 3, 4), records.stream().map(ClientRecord::clientId).toList());

        ClientRecord kitchen = records.get(0);
        assertEquals("8f0c2b1e6a9d4c3b2a1f0e9d8c7b6a59", kitchen.apiKey());
        assertEquals("satellite-kitchen", kitchen.name());
        assertEquals(1735689600.5, kitchen.lastSeen());
        assertEquals("6a1f3c9e0b2d4f87", kitchen.cryptoKey());
        assertEquals("0d3e5a7c9b1f2e4d6a8c0b2e4f6a8c0e", kitchen.password());
        assertEquals(List.of("skill-weather.openvoiceos:weather_intent"), kitchen.intentBlacklist());
        assertEquals(ClientRecord.DEFAULT_ALLOWED_TYPES, kitchen.allowedTypes());

        assertTrue(records.get(1).revoked());
        assertNull(records.get(1).password());

        ClientRecord living = records.get(2);
        assertEquals("Zé's living room", living.name());
        assertTrue(living.admin());
        assertFalse(living.canEscalate());
        assertEquals(List.of("enclosure.mouth.text"), living.messageBlacklist());
        assertEquals(List.of("recognizer_loop:utterance", "speak"), living.allowedTypes());
        assertEquals(Map.of("owner", "Zé Ninguém", "tags", List.of("mark2", "🚀")), living.metadata());
    }

    @Test
    void legacyKeysAreFoldedIntoMetadataAndTheOldBlacklistIsKept() throws Exception {
        LegacyClientFile.Contents contents = LegacyClientFile.read(fixture(dir));
        ClientRecord legacy = contents.records().get(3);
        assertEquals(Map.of("blacklist", Map.of("messages", List.of("speak"), "skills",
                List.of("skill-stop.openvoiceos"), "intents", List.of())), legacy.metadata());
        assertEquals(List.of("speak"), legacy.messageBlacklist());
        assertEquals(List.of("skill-stop.openvoiceos"), legacy.skillBlacklist());
        assertNull(legacy.password());
        assertTrue(contents.notes().stream().anyMatch(n -> n.contains("client 4") && n.contains("blacklist")),
                contents.notes().toString());
    }

    @Test
    void explicitMetadataWinsOverAFoldedKey() throws Exception {
        Path file = write("""
                {"7": {"client_id": 7, "api_key": "k", "owner": "top", "metadata": {"owner": "explicit"}}}""");
        assertEquals(Map.of("owner", "explicit"), LegacyClientFile.read(file).records().get(0).metadata());
    }

    @Test
    void blacklistsMovedIntoMetadataByNewerPluginsAreTakenBack() throws Exception {
        Path file = write("""
                {"7": {"client_id": 7, "api_key": "k",
                       "metadata": {"skill_blacklist": ["s:1"], "intent_blacklist": ["i:1"]}}}""");
        ClientRecord r = LegacyClientFile.read(file).records().get(0);
        assertEquals(List.of("s:1"), r.skillBlacklist());
        assertEquals(List.of("i:1"), r.intentBlacklist());
    }

    @Test
    void listAndJsonDatabaseLayoutsAreAccepted() throws Exception {
        Path list = write("[{\"client_id\": 2, \"api_key\": \"b\"}, {\"client_id\": 1, \"api_key\": \"a\"}]");
        assertEquals(List.of(1, 2), LegacyClientFile.read(list).records().stream().map(ClientRecord::clientId).toList());
        Path old = write("{\"clients\": [{\"client_id\": -1, \"api_key\": \"revoked\"}, {\"client_id\": 3, \"api_key\": \"c\"}]}");
        LegacyClientFile.Contents contents = LegacyClientFile.read(old);
        assertEquals(List.of(3), contents.records().stream().map(ClientRecord::clientId).toList());
        assertTrue(contents.notes().get(0).contains("client_id -1"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not JSON                 | {\"1\": {                                         | not valid JSON (line",
        "key is not an id         | {\"one\": {\"api_key\": \"k\"}}                    | the key 'one' is not a client id",
        "id differs from its key  | {\"1\": {\"client_id\": 2, \"api_key\": \"k\"}}    | the record under key 1 has client_id 2",
        "no access key            | {\"1\": {\"client_id\": 1}}                        | client 1 has no api_key",
        "is_admin not a boolean   | {\"1\": {\"api_key\": \"k\", \"is_admin\": \"yes\"}} | client 1: is_admin must be true or false",
        "list of non-strings      | {\"1\": {\"api_key\": \"k\", \"allowed_types\": [1]}} | client 1: allowed_types must be a list of strings",
        "metadata not an object   | {\"1\": {\"api_key\": \"k\", \"metadata\": []}}    | client 1: metadata must be a JSON object",
        "duplicate id in a list   | [{\"client_id\": 1, \"api_key\": \"a\"}, {\"client_id\": 1, \"api_key\": \"b\"}] | client id 1 appears twice",
        "duplicate key            | {\"1\": {\"api_key\": \"a\"}, \"1\": {\"api_key\": \"b\"}} | not valid JSON",
        "a string at the top      | \"clients\"                                        | expected a JSON object keyed by client id",
        "zero id                  | {\"0\": {\"api_key\": \"k\"}}                      | client id 0 is not a positive integer",
    })
    void malformedFilesAreRefusedWithTheReason(String name, String json, String expected) throws Exception {
        Path file = write(json);
        InvalidClientFileException e = assertThrows(InvalidClientFileException.class, () -> LegacyClientFile.read(file));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void errorsNeverQuoteTheFilesSecrets() throws Exception {
        Path file = write("{\"1\": {\"api_key\": \"k\", \"password\": \"hunter2\", \"crypto_key\": 12345}}");
        InvalidClientFileException e = assertThrows(InvalidClientFileException.class, () -> LegacyClientFile.read(file));
        assertEquals(file + ": client 1: crypto_key must be a string", e.getMessage());
        Path broken = write("{\"1\": {\"api_key\": \"k\", \"password\": hunter2}}");
        InvalidClientFileException parse = assertThrows(InvalidClientFileException.class, () -> LegacyClientFile.read(broken));
        assertFalse(parse.getMessage().contains("hunter2"), parse.getMessage());
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nope.json");
        assertEquals(missing + ": no such file",
                assertThrows(InvalidClientFileException.class, () -> LegacyClientFile.read(missing)).getMessage());
    }
}
