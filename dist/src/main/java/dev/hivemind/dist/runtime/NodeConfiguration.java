package dev.hivemind.dist.runtime;

import dev.hivemind.api.registry.ClientStore;
import dev.hivemind.engine.config.ConfigLoader;
import dev.hivemind.engine.config.HiveMindConfig;
import dev.hivemind.engine.plugin.PluginCatalog;
import dev.hivemind.engine.plugin.PluginClassLoaders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds and loads the node's configuration and discovers its plugins. The configuration file is, in order:
 * {@code --config FILE}; {@code $HIVEMIND_HOME/hivemind.yaml}; the distribution's {@code conf/hivemind.yaml};
 * otherwise the embedded defaults. Plugins come from the class path (the distribution's {@code plugins/} folder is on
 * it) and from the configuration's {@code plugins_dir} (default {@code $HIVEMIND_HOME/plugins}).
 */
public final class NodeConfiguration {
    /** The configuration file's name in the data directory and in {@code conf/}. */
    public static final String FILE_NAME = "hivemind.yaml";

    private final HiveMindConfig config;
    private final Optional<Path> source;

    private NodeConfiguration(HiveMindConfig config, Optional<Path> source) {
        this.config = config;
        this.source = source;
    }

    /**
     * Loads the configuration.
     *
     * @param explicit     {@code --config}, or {@code null}
     * @param dataHome     the data directory
     * @param distribution the distribution folder, or {@code null}
     * @param overrides    configuration keys set on the command line (same tree shape as the file)
     */
    public static NodeConfiguration load(Path explicit, Path dataHome, Path distribution, Map<String, Object> overrides) {
        Optional<Path> file = locate(explicit, dataHome, distribution);
        Map<String, Object> tree = new LinkedHashMap<>(file.map(ConfigLoader::readYaml).orElse(Map.of()));
        merge(tree, overrides);
        // the data directory given to the command wins over the file's data_dir
        tree.remove("data_dir");
        return new NodeConfiguration(ConfigLoader.fromTree(tree, dataHome), file);
    }

    private static Optional<Path> locate(Path explicit, Path dataHome, Path distribution) {
        if (explicit != null) {
            return Optional.of(explicit);
        }
        Path inHome = dataHome.resolve(FILE_NAME);
        if (Files.isRegularFile(inHome)) {
            return Optional.of(inHome);
        }
        if (distribution != null) {
            Path inConf = distribution.resolve("conf").resolve(FILE_NAME);
            if (Files.isRegularFile(inConf)) {
                return Optional.of(inConf);
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> into, Map<String, Object> from) {
        for (Map.Entry<String, Object> e : from.entrySet()) {
            Object existing = into.get(e.getKey());
            if (existing instanceof Map<?, ?> em && e.getValue() instanceof Map<?, ?> fm) {
                Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) em);
                merge(merged, (Map<String, Object>) fm);
                into.put(e.getKey(), merged);
            } else {
                into.put(e.getKey(), e.getValue());
            }
        }
    }

    public HiveMindConfig config() {
        return config;
    }

    /** The file the configuration came from; empty for the embedded defaults. */
    public Optional<Path> source() {
        return source;
    }

    /** Every plugin on the class path and in the plugins folder. */
    public PluginCatalog discoverPlugins() {
        return PluginCatalog.discover(pluginLoader());
    }

    /** The client database plugins on the class path and in the plugins folder. */
    public RegistryPlugins discoverRegistries() {
        return RegistryPlugins.discover(pluginLoader());
    }

    /** Opens the client database the {@code registry:} section names (by default SQLite in the data directory). */
    public ClientStore openClientStore() {
        return discoverRegistries().open(config.registry().type(), config.registry().settings(),
                config.dataDirectory());
    }

    private ClassLoader pluginLoader() {
        return PluginClassLoaders.withPluginsFolder(config.pluginsDirectory(), NodeConfiguration.class.getClassLoader());
    }
}
