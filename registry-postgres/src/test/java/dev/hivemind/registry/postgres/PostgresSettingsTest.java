package dev.hivemind.registry.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.plugin.PluginSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresSettingsTest {
    @TempDir
    Path dir;

    private PostgresSettings read(Map<String, ?> values, Map<String, String> environment) {
        return PostgresSettings.read(PluginSettings.of(values), environment, dir);
    }

    private String refusal(Map<String, ?> values) {
        return assertThrows(IllegalArgumentException.class, () -> read(values, Map.of())).getMessage();
    }

    @Test
    void defaultsNameTheLocalHivemindDatabase() {
        PostgresSettings s = read(Map.of(), Map.of());
        assertEquals("jdbc:postgresql://localhost:5432/hivemind", s.url());
        assertEquals("hivemind", s.schema());
        assertEquals(4, s.poolSize());
        assertEquals(Duration.ofSeconds(10), s.connectTimeout());
        assertNull(s.user());
        assertNull(s.password());
    }

    @Test
    void hostPortDatabaseOrAUrl() {
        assertEquals("jdbc:postgresql://db.lan:6543/hive", read(Map.of("host", "db.lan", "port", 6543,
                "database", "hive"), Map.of()).url());
        assertEquals("jdbc:postgresql://db/x?sslmode=require", read(Map.of("url", "jdbc:postgresql://db/x?sslmode=require"),
                Map.of()).url());
        assertEquals("jdbc:postgresql://db/x (schema hivemind)",
                read(Map.of("url", "jdbc:postgresql://db/x?user=me"), Map.of()).location());
    }

    @Test
    void thePasswordComesFromAFileOrTheEnvironmentAndIsNeverShown() throws Exception {
        assertEquals("from-env", read(Map.of(), Map.of("PGPASSWORD", "from-env")).password());
        assertEquals("other", read(Map.of("password_env", "HM_PG"), Map.of("HM_PG", "other", "PGPASSWORD", "x"))
                .password());
        Files.writeString(dir.resolve("pw"), " s3cret \n");
        PostgresSettings fromFile = read(Map.of("password_file", "pw"), Map.of("PGPASSWORD", "from-env"));
        assertEquals(" s3cret ", fromFile.password(), "only the final line break is dropped; the file wins");
        assertFalse(fromFile.toString().contains("s3cret"), fromFile.toString());
    }

    @Test
    void aPasswordInTheConfigurationOrTheUrlIsRefused() {
        assertTrue(refusal(Map.of("password", "x")).contains("never written in the configuration"));
        assertTrue(refusal(Map.of("url", "jdbc:postgresql://db/x?user=a&password=b")).contains("must not carry"));
        assertTrue(refusal(Map.of("url", "jdbc:postgresql://a:b@db/x")).contains("must not carry"));
        assertThrows(IllegalArgumentException.class, () -> PostgresSettings.forLocation("postgres://a:b@db/x"));
    }

    @Test
    void badSettingsAreNamed() {
        assertTrue(refusal(Map.of("pool", 3)).contains("[pool]"));
        assertTrue(refusal(Map.of("schema", "x; DROP TABLE y")).startsWith("schema must be"));
        assertTrue(refusal(Map.of("pool_size", 0)).startsWith("pool_size"));
        assertTrue(refusal(Map.of("url", "jdbc:mysql://db/x")).startsWith("url must start"));
        assertTrue(refusal(Map.of("host", "db/evil")).contains("host"));
        assertTrue(refusal(Map.of("password_file", "missing")).contains("does not exist"));
        assertTrue(refusal(Map.of("password_env", "NOT_SET_HERE")).contains("not set"));
    }

    @Test
    void aLocationIsAJdbcOrPostgresqlUrl() {
        assertEquals(Map.of("url", "jdbc:postgresql://db:5432/hive?user=hub"),
                PostgresSettings.forLocation("postgresql://db:5432/hive?user=hub").asMap());
        assertEquals(Map.of("url", "jdbc:postgresql://db/hive"),
                PostgresSettings.forLocation("jdbc:postgresql://db/hive").asMap());
    }
}
