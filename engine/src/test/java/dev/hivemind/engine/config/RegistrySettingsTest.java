package dev.hivemind.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.plugin.PluginSettings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistrySettingsTest {
    @TempDir
    Path dir;

    @Test
    void withoutASectionTheRegistryIsSqliteWithItsDefaults() {
        RegistrySettings r = ConfigLoader.fromYaml("", dir).registry();
        assertEquals("sqlite", r.type());
        assertEquals(PluginSettings.empty(), r.settings());
    }

    @Test
    void theTypeNamesThePluginAndTheOtherKeysAreItsSettings() {
        RegistrySettings r = ConfigLoader.fromYaml("""
                registry:
                  type: postgres
                  url: jdbc:postgresql://db/hivemind
                  pool_size: 8
                """, dir).registry();
        assertEquals("postgres", r.type());
        assertEquals(Map.of("url", "jdbc:postgresql://db/hivemind", "pool_size", 8), r.settings().asMap());
    }

    @Test
    void aSectionWithoutTypeIsSqliteWithSettings() {
        RegistrySettings r = ConfigLoader.fromYaml("registry: {file: other.db}\n", dir).registry();
        assertEquals("sqlite", r.type());
        assertEquals(Map.of("file", "other.db"), r.settings().asMap());
    }

    @Test
    void aBadTypeOrShapeIsAConfigError() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.fromYaml("registry: {type: Postgres SQL}\n", dir));
        assertTrue(e.getMessage().contains("registry.type"), e.getMessage());
        assertThrows(ConfigException.class, () -> ConfigLoader.fromYaml("registry: postgres\n", dir));
    }

    @Test
    void printConfigWritesItBackAsItWasRead() {
        HiveMindConfig original = ConfigLoader.fromYaml("registry: {type: postgres, host: db, schema: hive}\n", dir);
        assertEquals(original, ConfigLoader.fromYaml(ConfigWriter.toYaml(original), dir));
        assertEquals(HiveMindConfig.defaults(dir), ConfigLoader.fromYaml(ConfigWriter.toYaml(HiveMindConfig.defaults(dir)),
                dir));
    }
}
