package dev.hivemind.dist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.registry.ClientStore;
import dev.hivemind.dist.db.HomeDatabase;
import dev.hivemind.dist.runtime.RegistryPlugins;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client commands against a PostgreSQL registry named by {@code --config}, {@code import-clients} into it, and
 * {@code migrate-registry} from SQLite to PostgreSQL and back, on a real (embedded) PostgreSQL.
 */
class RegistryCommandsTest {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    @TempDir
    Path tmp;

    private CliRun cli;
    private String schema;
    private Path pgConfig;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRun(tmp);
        schema = "cli" + SCHEMAS.incrementAndGet();
        pgConfig = Files.writeString(tmp.resolve("pg.yaml"), "registry:\n  type: postgres\n  url: \"" + url()
                + "\"\n  schema: " + schema + "\n");
    }

    private static String url() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    private ClientStore openPostgres(String inSchema) {
        return RegistryPlugins.discover(getClass().getClassLoader()).open("postgres",
                PluginSettings.of(Map.of("url", url(), "schema", inSchema)), tmp);
    }

    private static CliRun.Result ok(CliRun.Result r) {
        assertEquals(0, r.exitCode(), r.out() + r.err());
        return r;
    }

    @Test
    void everyClientCommandWorksAgainstTheConfiguredRegistry() {
        String config = pgConfig.toString();
        ok(cli.run("add-client", "--config", config, "--name", "porch"));
        ok(cli.run("add-client", "--config", config, "--name", "attic"));
        ok(cli.run("rename-client", "--config", config, "1", "front-porch"));
        ok(cli.run("make-admin", "--config", config, "1"));
        ok(cli.run("blacklist-skill", "--config", config, "skill-x", "1"));
        ok(cli.run("allow-msg", "--config", config, "speak", "1"));
        ok(cli.run("blacklist-propagate", "--config", config, "1"));
        ok(cli.run("delete-client", "--config", config, "2"));
        String list = ok(cli.run("list-clients", "--config", config)).out();
        assertTrue(list.contains("front-porch"), list);
        assertFalse(list.contains("attic"), list);
        assertFalse(Files.exists(cli.home().resolve(HomeDatabase.FILE_NAME)), "the SQLite default was not touched");
        try (ClientStore store = openPostgres(schema)) {
            ClientRecord porch = store.get(1).orElseThrow();
            assertTrue(porch.admin());
            assertEquals(List.of("skill-x"), porch.skillBlacklist());
            assertTrue(porch.allowedTypes().contains("speak"));
            assertFalse(porch.canPropagate());
            assertTrue(store.get(2).orElseThrow().revoked());
        }
    }

    @Test
    void importClientsFillsAPostgresRegistryAsItFillsSqlite() throws Exception {
        Path file = tmp.resolve("clients.json");
        try (var in = getClass().getResourceAsStream("/fixtures/hivemind-core-clients.json")) {
            Files.copy(in, file);
        }
        ok(cli.run("import-clients", file.toString()));
        String out = ok(cli.run("import-clients", "--config", pgConfig.toString(), file.toString())).out();
        assertTrue(out.contains("Added: 1, 2, 3, 4"), out);
        try (ClientStore sqlite = HomeDatabase.open(cli.home()); ClientStore pg = openPostgres(schema)) {
            assertEquals(sqlite.listAll(), pg.listAll());
        }
        assertTrue(ok(cli.run("import-clients", "--config", pgConfig.toString(), file.toString())).out()
                .contains("Unchanged: 1, 2, 3, 4"));
    }

    @Test
    void migrateRegistryCopiesEverythingToPostgresAndBack() {
        List<ClientRecord> original;
        try (ClientStore sqlite = HomeDatabase.open(cli.home())) {
            sqlite.add(ClientRecord.builder("key-a").name("Zé").description("den").admin(true).password("pw")
                    .cryptoKey("k".repeat(32)).skillBlacklist(List.of("s")).intentBlacklist(List.of("s:i"))
                    .messageBlacklist(List.of("m")).allowedTypes(List.of("speak")).canEscalate(false)
                    .credential("token", "drop-in").metadata(Map.of("room", "den", "n", List.of(1, 2.5))).build());
            sqlite.add(ClientRecord.builder("key-b").password("pw-b").build());
            sqlite.enroll(2, ClientRecord.RSA, "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
            sqlite.touchAll(Map.of(1, 1750000000.25));
            sqlite.add(ClientRecord.builder("key-c").build());
            sqlite.revoke(3);
            original = sqlite.listAll();
        }
        String out = ok(cli.run("migrate-registry", "--to-config", pgConfig.toString())).out();
        assertTrue(out.startsWith("Copied 3 client(s) (1 revoked, 5 credential(s)) from "
                + cli.home().resolve("clients.db") + " to jdbc:postgresql://"), out);
        try (ClientStore pg = openPostgres(schema)) {
            assertEquals(original, pg.listAll());
            assertEquals(4, pg.add(ClientRecord.builder("key-d").build()).clientId(), "ids continue above the copy's");
        }

        CliRun.Result again = cli.run("migrate-registry", "--to-config", pgConfig.toString());
        assertEquals(1, again.exitCode());
        assertTrue(again.err().contains("already holds 4 client(s); nothing was copied (--replace deletes them first)"),
                again.err());

        Path back = tmp.resolve("back.db");
        ok(cli.run("migrate-registry", "--from-config", pgConfig.toString(), "--to", "sqlite:" + back));
        try (ClientStore copy = RegistryPlugins.discover(getClass().getClassLoader()).open("sqlite",
                PluginSettings.of(Map.of("file", back.toString())), tmp)) {
            assertEquals(original, copy.listAll().subList(0, 3));
            assertEquals(4, copy.listAll().size());
        }

        String replaced = ok(cli.run("migrate-registry", "--to-config", pgConfig.toString(), "--replace")).out();
        assertTrue(replaced.startsWith("Deleted the 4 client(s) the target held."), replaced);
        try (ClientStore pg = openPostgres(schema)) {
            assertEquals(original, pg.listAll());
        }
    }

    @Test
    void aPostgresUrlNamesTheTargetInItsDefaultSchema() {
        ok(cli.run("add-client", "--name", "one"));
        String out = ok(cli.run("migrate-registry", "--to", "postgres:" + url(), "--replace")).out();
        assertTrue(out.contains("(schema hivemind)"), out);
        try (ClientStore pg = openPostgres("hivemind")) {
            assertEquals("one", pg.get(1).orElseThrow().name());
        }
    }

    @Test
    void theSameDatabaseOrNoSideIsRefused() {
        CliRun.Result same = cli.run("migrate-registry", "--to", "sqlite:" + cli.home().resolve("clients.db"));
        assertEquals(1, same.exitCode());
        assertTrue(same.err().contains("the source and the target are the same database"), same.err());
        CliRun.Result none = cli.run("migrate-registry");
        assertEquals(2, none.exitCode());
        assertTrue(none.err().contains("name the source"), none.err());
        CliRun.Result unknown = cli.run("migrate-registry", "--to", "mysql:db");
        assertEquals(1, unknown.exitCode());
        assertTrue(unknown.err().contains("registry type 'mysql' is not installed; found: postgres, sqlite"),
                unknown.err());
    }

    @Test
    void aBadRegistrySettingIsOneClearLine() throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.yaml"), "registry: {type: postgres, password: hunter2}\n");
        CliRun.Result r = cli.run("list-clients", "--config", bad.toString());
        assertEquals(1, r.exitCode());
        assertEquals(1, r.errLines(), r.err());
        assertTrue(r.err().contains("registry (type postgres): a password is never written in the configuration"),
                r.err());
        assertFalse(r.err().contains("hunter2"), r.err());
    }
}
