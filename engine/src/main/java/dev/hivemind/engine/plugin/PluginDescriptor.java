package dev.hivemind.engine.plugin;

import dev.hivemind.api.plugin.Availability;

/**
 * What discovery found about one plugin, for logs and {@code list-plugins}.
 *
 * @param kind         {@code server auth}, {@code client auth}, {@code transport} or {@code agent}
 * @param name         the plugin's name
 * @param className    its implementation class
 * @param source       the jar (or directory) it came from
 * @param availability whether it can run here, and why not
 * @param description  one line
 */
public record PluginDescriptor(String kind, String name, String className, String source, Availability availability,
        String description) {
}
