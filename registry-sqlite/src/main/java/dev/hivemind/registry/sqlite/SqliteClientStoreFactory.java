package dev.hivemind.registry.sqlite;

import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.registry.ClientStore;
import dev.hivemind.api.registry.ClientStoreFactory;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code sqlite} registry, the default: one file, {@code clients.db} in the data directory unless
 * {@code registry.file} names another (a relative path is taken from the data directory). Laid out as the Python
 * hub's hivemind-sqlite-database, so a Python {@code clients.db} works as it is.
 */
public final class SqliteClientStoreFactory implements ClientStoreFactory {
    /** The setting naming the database file. */
    static final String FILE = "file";

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public String description() {
        return "SQLite file in the data directory (hivemind-core's clients.db layout); one machine";
    }

    @Override
    public ClientStore open(PluginSettings settings, Path dataDirectory) {
        Set<String> unknown = new TreeSet<>(settings.keys());
        unknown.remove(FILE);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown registry setting(s) " + unknown + " for type sqlite (known: "
                    + FILE + ")");
        }
        Path file = settings.path(FILE).map(dataDirectory::resolve)
                .orElse(dataDirectory.resolve(SqliteClientStore.FILE_NAME));
        return SqliteClientStore.open(file);
    }

    @Override
    public PluginSettings settingsForLocation(String location) {
        if (location == null || location.isBlank()) {
            return PluginSettings.empty();
        }
        return PluginSettings.of(Map.of(FILE, Path.of(location).toAbsolutePath().normalize().toString()));
    }
}
