package dev.hivemind.registry.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.registry.ClientStore;
import dev.hivemind.api.registry.ClientStoreException;
import dev.hivemind.api.registry.ClientStoreFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code postgres} registry: the clients in one PostgreSQL database that every hub node shares. Opening one
 * starts a small HikariCP pool, then applies the schema migrations (see {@link PgMigrations}); the settings are
 * {@link PostgresSettings}'.
 */
public final class PostgresClientStoreFactory implements ClientStoreFactory {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresClientStoreFactory.class);

    private final Map<String, String> environment;

    /** The factory ServiceLoader creates: the password's environment variable is read from the process. */
    public PostgresClientStoreFactory() {
        this(System.getenv());
    }

    PostgresClientStoreFactory(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public String description() {
        return "PostgreSQL database shared by several hub nodes (JDBC, HikariCP pool)";
    }

    @Override
    public ClientStore open(PluginSettings settings, Path dataDirectory) {
        PostgresSettings s = PostgresSettings.read(settings, environment, dataDirectory);
        HikariDataSource pool = pool(s);
        try (Connection c = pool.getConnection()) {
            int before = PgMigrations.migrate(c, s.schema());
            if (before != PgMigrations.CURRENT) {
                LOG.info("client database {} migrated from schema version {} to {}", s.location(), before,
                        PgMigrations.CURRENT);
            }
            return new PostgresClientStore(pool, s);
        } catch (SQLException | RuntimeException e) {
            pool.close();
            if (e instanceof ClientStoreException cse) {
                throw new ClientStoreException(s.location() + ": " + cse.getMessage(), cse);
            }
            throw new ClientStoreException("cannot open the client database " + s.location() + ": " + describe(e), e);
        }
    }

    @Override
    public PluginSettings settingsForLocation(String location) {
        return PostgresSettings.forLocation(location);
    }

    private static HikariDataSource pool(PostgresSettings s) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("hivemind-registry");
        config.setJdbcUrl(s.url());
        if (s.user() != null) {
            config.setUsername(s.user());
        }
        if (s.password() != null) {
            config.setPassword(s.password());
        }
        config.setMaximumPoolSize(s.poolSize());
        config.setMinimumIdle(1);
        config.setConnectionTimeout(s.connectTimeout().toMillis());
        config.addDataSourceProperty("currentSchema", s.schema());
        config.addDataSourceProperty("ApplicationName", "hivemind");
        config.addDataSourceProperty("connectTimeout", Math.max(1, s.connectTimeout().toSeconds()));
        // a hung server must not hold the hub's I/O threads for ever
        config.addDataSourceProperty("socketTimeout", 60);
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new ClientStoreException("cannot connect to the client database " + s.location() + ": "
                    + describe(cause), e);
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName()
                : message.lines().findFirst().orElse("");
    }
}
