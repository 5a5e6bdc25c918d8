package dev.hivemind.dist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.registry.ClientStore;
import dev.hivemind.dist.db.HomeDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportClientsCommandTest {
    @TempDir
    Path tmp;

    private CliRun cli;
    private Path file;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRun(tmp);
        file = tmp.resolve("clients.json");
        try (var in = getClass().getResourceAsStream("/fixtures/hivemind-core-clients.json")) {
            Files.copy(in, file);
        }
    }

    @Test
    void importsAHivemindCoreFileAndReportsIt() {
        CliRun.Result r = cli.run("import-clients", file.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Read 4 client(s) from " + file), r.out());
        assertTrue(r.out().contains("Added: 1, 2, 3, 4"), r.out());
        assertTrue(r.out().contains("Unchanged: none"), r.out());
        assertTrue(r.err().startsWith("warning: clients [1, 4] have a crypto key shorter than 32"), r.err());

        CliRun.Result list = cli.run("list-clients");
        assertTrue(list.out().contains("satellite-kitchen"), list.out());
        assertTrue(list.out().contains("2025-01-01T00:00:00Z"), "last_seen 1735689600.5: " + list.out());
        assertFalse(list.out().lines().anyMatch(l -> l.startsWith("2 ")), "the revoked client is hidden");
        try (ClientStore store = HomeDatabase.open(cli.home())) {
            assertEquals(3, store.findByAccessKey("c4a8e2f6b0d1937a5c7e9f1b3d5a7c9e").orElseThrow().clientId());
        }
    }

    @Test
    void importingAgainChangesNothing() {
        cli.run("import-clients", file.toString());
        CliRun.Result again = cli.run("import-clients", file.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("Added: none"), again.out());
        assertTrue(again.out().contains("Unchanged: 1, 2, 3, 4"), again.out());
    }

    @Test
    void conflictsWriteNothingAndFailInOneLine() {
        cli.run("add-client", "--name", "already here");
        CliRun.Result r = cli.run("import-clients", file.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.out().contains("conflict: client 1: differs from the stored client in"), r.out());
        String lastErrLine = r.err().lines().reduce((a, b) -> b).orElse("");
        assertEquals("hivemind: nothing imported: 1 conflict(s); --overwrite replaces stored clients that differ",
                lastErrLine);
        assertEquals(1, cli.run("list-clients").out().lines().count() - 1, "still only the one client");

        CliRun.Result overwrite = cli.run("import-clients", "--overwrite", file.toString());
        assertEquals(0, overwrite.exitCode(), overwrite.err());
        assertTrue(overwrite.out().contains("Replaced: 1"), overwrite.out());
    }

    @Test
    void aBrokenOrMissingFileIsAOneLineFailure() throws Exception {
        CliRun.Result missing = cli.run("import-clients", tmp.resolve("nope.json").toString());
        assertEquals(1, missing.exitCode());
        assertEquals("hivemind: " + tmp.resolve("nope.json") + ": no such file" + System.lineSeparator(), missing.err());

        Files.writeString(file, "{\"1\": {\"api_key\": \"k\", \"is_admin\": 1}}");
        CliRun.Result broken = cli.run("import-clients", file.toString());
        assertEquals(1, broken.exitCode());
        assertEquals("hivemind: " + file + ": client 1: is_admin must be true or false" + System.lineSeparator(),
                broken.err());
        assertFalse(Files.exists(cli.home().resolve(HomeDatabase.FILE_NAME)), "the database was not even created");
    }

    @Test
    void aClientRevokedInTheFileStaysActiveHereEvenWithOverwrite() {
        cli.run("add-client", "--name", "first");
        cli.run("add-client", "--name", "second, revoked in the file");
        String accessKey;
        try (ClientStore store = HomeDatabase.open(cli.home())) {
            accessKey = store.get(2).orElseThrow().apiKey();
        }
        CliRun.Result r = cli.run("import-clients", "--overwrite", file.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Kept active: 2"), r.out());
        assertTrue(r.err().contains("warning: client 2 is revoked in the file but active here; it stays active"
                + " (revoke it with 'hivemind delete-client 2')"), r.err());
        try (ClientStore store = HomeDatabase.open(cli.home())) {
            assertFalse(store.get(2).orElseThrow().revoked());
            assertEquals(2, store.findByAccessKey(accessKey).orElseThrow().clientId(), "its credentials still work");
        }
    }

    @Test
    void theHelpDescribesThePathWithoutInventingADefault() {
        CliRun.Result help = cli.run("import-clients", "--help");
        assertEquals(0, help.exitCode(), help.err());
        String path = help.out().lines().filter(l -> l.strip().startsWith("PATH ")).findFirst().orElseThrow();
        assertFalse(path.toLowerCase(java.util.Locale.ROOT).contains("default"), "a required PATH has no default: "
                + path);
    }
}
