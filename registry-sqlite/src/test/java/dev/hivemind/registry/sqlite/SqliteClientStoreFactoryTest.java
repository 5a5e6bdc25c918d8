package dev.hivemind.registry.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.registry.ClientStore;
import dev.hivemind.api.registry.ClientStoreFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteClientStoreFactoryTest {
    @TempDir
    Path dir;

    private static ClientStoreFactory discovered() {
        return ServiceLoader.load(ClientStoreFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.name().equals("sqlite")).findFirst().orElseThrow();
    }

    @Test
    void byDefaultTheFileIsClientsDbInTheDataDirectory() {
        try (ClientStore store = discovered().open(PluginSettings.empty(), dir)) {
            assertEquals(dir.resolve("clients.db").toString(), store.location());
        }
        assertTrue(Files.isRegularFile(dir.resolve("clients.db")));
    }

    @Test
    void aRelativeFileIsTakenFromTheDataDirectoryAndAnAbsoluteOneAsItIs() {
        try (ClientStore store = discovered().open(PluginSettings.of(Map.of("file", "db/hub.db")), dir)) {
            assertEquals(dir.resolve("db/hub.db").toString(), store.location());
        }
        Path absolute = dir.resolve("elsewhere.db");
        try (ClientStore store = discovered().open(PluginSettings.of(Map.of("file", absolute.toString())), dir)) {
            assertEquals(absolute.toString(), store.location());
        }
    }

    @Test
    void anUnknownSettingIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> discovered().open(PluginSettings.of(Map.of("path", "x.db")), dir));
        assertTrue(e.getMessage().contains("[path]"), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("clients.db")), "nothing was created");
    }

    @Test
    void aLocationIsAFileFromTheCurrentDirectory() {
        assertEquals(Path.of("x.db").toAbsolutePath().toString(),
                discovered().settingsForLocation("x.db").string("file").orElseThrow());
        assertEquals(PluginSettings.empty(), discovered().settingsForLocation(""));
    }
}
