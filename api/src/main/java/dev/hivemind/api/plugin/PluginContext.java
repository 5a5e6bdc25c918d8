package dev.hivemind.api.plugin;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;

/**
 * What a plugin receives once, at start-up, before it serves any connection: its configuration section,
 * the node's data directory (for key files, known hosts, certificates), a clock and a random source.
 */
public interface PluginContext {
    /** This plugin's configuration section (empty if the config has none). */
    PluginSettings settings();

    /** The node's data directory ({@code $HIVEMIND_HOME}); plugins keep their files under it. */
    Path dataDirectory();

    /** The engine's clock. */
    Clock clock();

    /** The engine's random source (a test seam; production uses a strong {@link SecureRandom}). */
    SecureRandom random();

    /**
     * An object the host shares with its plugins, by type; empty when it offers none of that type. A hub that runs
     * as a node of a cluster offers its clustered {@code io.vertx.core.Vertx}, so that a plugin built on Vert.x joins
     * the cluster's event bus instead of starting a Vert.x of its own.
     */
    default <T> Optional<T> service(Class<T> type) {
        return Optional.empty();
    }
}
