package dev.hivemind.engine.config;

import dev.hivemind.api.plugin.PluginSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code registry:} section: which client database plugin holds the clients ({@code type}) and its own settings
 * (every other key of the section, checked by the plugin when it opens the database).
 *
 * @param type     the plugin's name, {@value #DEFAULT_TYPE} by default (the file in the data directory)
 * @param settings the plugin's settings
 */
public record RegistrySettings(String type, PluginSettings settings) {
    /** The registry used when the configuration names none: SQLite, embedded, nothing to install. */
    public static final String DEFAULT_TYPE = "sqlite";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    public static RegistrySettings defaults() {
        return new RegistrySettings(DEFAULT_TYPE, PluginSettings.empty());
    }

    static RegistrySettings read(ConfigSection root) {
        PluginSettings section = root.rawSection("registry");
        Map<String, Object> rest = new LinkedHashMap<>(section.asMap());
        Object type = rest.remove("type");
        if (type == null) {
            return new RegistrySettings(DEFAULT_TYPE, PluginSettings.of(rest));
        }
        if (!(type instanceof String name) || !NAME.matcher(name).matches()) {
            throw new ConfigException("registry.type must be the name of a registry plugin (sqlite, postgres, ...)");
        }
        return new RegistrySettings(name, PluginSettings.of(rest));
    }

    Map<String, Object> toTree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("type", type);
        tree.putAll(settings.asMap());
        return tree;
    }
}
