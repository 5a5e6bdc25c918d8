package dev.hivemind.registry.postgres;

import dev.hivemind.api.plugin.PluginSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The {@code registry:} settings of the {@code postgres} type, checked. The password never comes from the
 * configuration itself: {@code password_file} (a file holding it), else the environment variable {@code password_env}
 * names ({@value #DEFAULT_PASSWORD_ENV} by default; unset means no password). {@link #toString()} never shows it.
 *
 * @param url            the JDBC URL ({@code url}, or built from {@code host}, {@code port}, {@code database})
 * @param user           the role, or {@code null} to take it from the URL or the driver's default
 * @param password       the password, or {@code null}
 * @param schema         the schema holding the tables ({@code schema}), created if missing
 * @param poolSize       connections at most ({@code pool_size})
 * @param connectTimeout how long to wait for a connection ({@code connect_timeout})
 */
record PostgresSettings(String url, String user, String password, String schema, int poolSize,
        Duration connectTimeout) {
    static final String DEFAULT_PASSWORD_ENV = "PGPASSWORD";
    static final String DEFAULT_SCHEMA = "hivemind";
    static final int DEFAULT_POOL_SIZE = 4;

    private static final Set<String> KEYS = Set.of("url", "host", "port", "database", "user", "password_env",
            "password_file", "schema", "pool_size", "connect_timeout");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:\\[\\]-]+");

    /**
     * Reads and checks the settings.
     *
     * @param environment the process environment (for {@code password_env})
     * @param dataDirectory where a relative {@code password_file} is found
     * @throws IllegalArgumentException naming the setting that is wrong
     */
    static PostgresSettings read(PluginSettings s, Map<String, String> environment, Path dataDirectory) {
        if (s.keys().contains("password")) {
            throw new IllegalArgumentException("a password is never written in the configuration: put it in a file "
                    + "(password_file) or an environment variable (password_env, default " + DEFAULT_PASSWORD_ENV + ")");
        }
        Set<String> unknown = new TreeSet<>(s.keys());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown setting(s) " + unknown + " (known: " + new TreeSet<>(KEYS) + ")");
        }
        String url = s.string("url").map(PostgresSettings::checkedUrl).orElseGet(() -> urlOf(s));
        String schema = s.string("schema", DEFAULT_SCHEMA);
        if (!IDENTIFIER.matcher(schema).matches()) {
            throw new IllegalArgumentException("schema must be a lower-case SQL name (letters, digits, _), got '"
                    + schema + "'");
        }
        int pool = s.integer("pool_size", DEFAULT_POOL_SIZE);
        if (pool < 1 || pool > 100) {
            throw new IllegalArgumentException("pool_size must be between 1 and 100, got " + pool);
        }
        Duration timeout = s.duration("connect_timeout", Duration.ofSeconds(10));
        if (timeout.toMillis() < 250) {
            throw new IllegalArgumentException("connect_timeout must be at least 250ms");
        }
        return new PostgresSettings(url, s.string("user").filter(u -> !u.isBlank()).orElse(null),
                password(s, environment, dataDirectory), schema, pool, timeout);
    }

    /** The settings a {@code migrate-registry} location stands for: a JDBC or {@code postgresql://} URL. */
    static PluginSettings forLocation(String location) {
        String url = location.startsWith("postgresql://") || location.startsWith("postgres://")
                ? "jdbc:postgresql://" + location.substring(location.indexOf("://") + 3) : location;
        return PluginSettings.of(Map.of("url", checkedUrl(url)));
    }

    /** The URL without its parameters and the schema: where the clients are, for messages. */
    String location() {
        int query = url.indexOf('?');
        return (query < 0 ? url : url.substring(0, query)) + " (schema " + schema + ")";
    }

    private static String urlOf(PluginSettings s) {
        String host = s.string("host", "localhost");
        if (!HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("host '" + host + "' is not a host name or address");
        }
        int port = s.integer("port", 5432);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, got " + port);
        }
        String database = s.string("database", "hivemind");
        if (!IDENTIFIER.matcher(database.toLowerCase(Locale.ROOT)).matches() && !database.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("database '" + database + "' is not a database name");
        }
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    private static String checkedUrl(String url) {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("url must start with jdbc:postgresql: (or be postgresql://HOST/DB)");
        }
        String lower = url.toLowerCase(Locale.ROOT);
        int query = lower.indexOf('?');
        if ((query >= 0 && lower.substring(query).matches(".*[?&]password=.*"))
                || lower.substring(0, query < 0 ? lower.length() : query).contains("@")) {
            throw new IllegalArgumentException("url must not carry a password: put it in a file (password_file) or an"
                    + " environment variable (password_env, default " + DEFAULT_PASSWORD_ENV + ")");
        }
        return url;
    }

    private static String password(PluginSettings s, Map<String, String> environment, Path dataDirectory) {
        var file = s.path("password_file");
        if (file.isPresent()) {
            Path path = dataDirectory.resolve(file.get());
            try {
                String text = Files.readString(path, StandardCharsets.UTF_8);
                // one final line break (how editors and echo write files) is not part of the password
                return text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                        : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException("password_file " + path + " does not exist");
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read password_file " + path + " ("
                        + e.getClass().getSimpleName() + ")");
            }
        }
        var named = s.string("password_env");
        String variable = named.orElse(DEFAULT_PASSWORD_ENV);
        String value = environment.get(variable);
        if (value == null && named.isPresent()) {
            throw new IllegalArgumentException("password_env names the environment variable " + variable
                    + ", which is not set");
        }
        return value == null || value.isEmpty() ? null : value;
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "PostgresSettings[" + location() + ", user=" + user + ", password=" + (password == null ? "none" : "***")
                + ", pool_size=" + poolSize + "]";
    }
}
