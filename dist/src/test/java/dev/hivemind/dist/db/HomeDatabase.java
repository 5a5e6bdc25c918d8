package dev.hivemind.dist.db;

import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.registry.ClientStore;
import dev.hivemind.dist.runtime.RegistryPlugins;
import java.nio.file.Path;

/** The default client database of a data directory, opened through the installed {@code sqlite} plugin. */
public final class HomeDatabase {
    /** The database file's name in the data directory. */
    public static final String FILE_NAME = "clients.db";

    private HomeDatabase() {
    }

    /** Opens (creating) {@code home/clients.db}. */
    public static ClientStore open(Path home) {
        return RegistryPlugins.discover(HomeDatabase.class.getClassLoader()).open("sqlite", PluginSettings.empty(),
                home);
    }
}
