package dev.hivemind.dist.runtime;

import dev.hivemind.api.plugin.Availability;
import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.registry.ClientStore;
import dev.hivemind.api.registry.ClientStoreFactory;
import dev.hivemind.engine.config.ConfigException;
import dev.hivemind.engine.plugin.PluginDiscoveryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The client database plugins ({@link ClientStoreFactory}) on the class path and in the plugins folder, by name.
 * Only these are looked up, so an admin command does not load the auth methods and transports to open its database.
 */
public final class RegistryPlugins {
    private final Map<String, ClientStoreFactory> byName;

    private RegistryPlugins(Map<String, ClientStoreFactory> byName) {
        this.byName = byName;
    }

    /** Every registry plugin visible to {@code loader}; two with one name stop the command. */
    public static RegistryPlugins discover(ClassLoader loader) {
        Map<String, ClientStoreFactory> found = new TreeMap<>();
        List<String> clashes = new ArrayList<>();
        try {
            for (ClientStoreFactory f : ServiceLoader.load(ClientStoreFactory.class, loader)) {
                ClientStoreFactory other = found.putIfAbsent(f.name(), f);
                if (other != null) {
                    clashes.add("'" + f.name() + "' from " + other.getClass().getName() + " and "
                            + f.getClass().getName());
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new PluginDiscoveryException("cannot load a registry plugin: " + e.getMessage());
        }
        if (!clashes.isEmpty()) {
            throw new PluginDiscoveryException("two registry plugins share a name: " + String.join("; ", clashes)
                    + ". Remove one of the jars.");
        }
        return new RegistryPlugins(Map.copyOf(found));
    }

    /** The plugins found, by name. */
    public Map<String, ClientStoreFactory> all() {
        return new TreeMap<>(byName);
    }

    /**
     * The plugin of {@code type}.
     *
     * @throws ConfigException if none is installed or it cannot run here
     */
    public ClientStoreFactory require(String type) {
        ClientStoreFactory factory = byName.get(type);
        if (factory == null) {
            throw new ConfigException("registry type '" + type + "' is not installed; found: "
                    + (byName.isEmpty() ? "none" : String.join(", ", new TreeMap<>(byName).keySet()))
                    + ". Put its jar in the plugins folder or change registry.type.");
        }
        Availability a = factory.availability();
        if (!a.isAvailable()) {
            throw new ConfigException("registry type '" + type + "' is not available here: " + a.reason());
        }
        return factory;
    }

    /**
     * Opens a database of {@code type}; a wrong setting becomes a {@link ConfigException} naming the section.
     *
     * @param dataDirectory the node's data directory
     */
    public ClientStore open(String type, PluginSettings settings, Path dataDirectory) {
        ClientStoreFactory factory = require(type);
        try {
            return factory.open(settings, dataDirectory);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("registry (type " + type + "): " + e.getMessage(), e);
        }
    }
}
