package dev.hivemind.registry.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.registry.ClientStore;
import dev.hivemind.api.registry.ConcurrentClientStoreContract;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several stores on one PostgreSQL schema, as several hub nodes and the CLI use it. */
class PostgresConcurrencyTest extends ConcurrentClientStoreContract {
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

    @Test
    void nodesStartingAtOnceMigrateOnce() throws Exception {
        int nodes = 4;
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        List<ClientStore> opened = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ClientStore>> results = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return openStore();
                }));
            }
            start.countDown();
            for (Future<ClientStore> f : results) {
                opened.add(f.get(60, TimeUnit.SECONDS));
            }
            for (ClientStore store : opened) {
                assertEquals(PgMigrations.CURRENT, store.schemaVersion());
            }
        } finally {
            opened.forEach(ClientStore::close);
            pool.shutdownNow();
        }
        try (Connection c = DriverManager.getConnection(postgres.url()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + settings.string("schema").orElseThrow()
                        + ".registry_migrations")) {
            rs.next();
            assertEquals(PgMigrations.CURRENT, rs.getInt(1), "each version applied once");
        }
    }
}
