package dev.hivemind.api.registry;

import dev.hivemind.api.plugin.NamedPlugin;
import dev.hivemind.api.plugin.PluginSettings;
import java.nio.file.Path;

/**
 * A kind of client database ({@code sqlite}, {@code postgres}), discovered with {@link java.util.ServiceLoader}
 * (register it in {@code META-INF/services/dev.hivemind.api.registry.ClientStoreFactory}). The configuration's
 * {@code registry.type} names it; the rest of the {@code registry:} section is its settings. A factory is created
 * for every discovery, so its constructor must be cheap and must not connect.
 */
public interface ClientStoreFactory extends NamedPlugin {
    /**
     * Opens the database, creating it and bringing its schema up to date if needed. Safe to call from several
     * processes at once.
     *
     * @param settings      the {@code registry:} section without {@code type}
     * @param dataDirectory the node's data directory ({@code $HIVEMIND_HOME}), where a file database lives by default
     * @throws ClientStoreException     if the database cannot be reached, opened or migrated
     * @throws IllegalArgumentException if a setting is wrong (the message names it)
     */
    ClientStore open(PluginSettings settings, Path dataDirectory);

    /**
     * The settings that {@code location} stands for in {@code hivemind migrate-registry --from TYPE:LOCATION}: a
     * file for {@code sqlite}, a JDBC URL for {@code postgres}.
     *
     * @throws IllegalArgumentException if {@code location} is not one
     */
    PluginSettings settingsForLocation(String location);
}
