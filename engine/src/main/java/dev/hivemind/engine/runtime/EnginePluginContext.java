package dev.hivemind.engine.runtime;

import dev.hivemind.api.plugin.PluginContext;
import dev.hivemind.api.plugin.PluginSettings;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

/** The engine's {@link PluginContext}: one per plugin, built at start-up. */
public record EnginePluginContext(PluginSettings settings, Path dataDirectory, Clock clock, SecureRandom random)
        implements PluginContext {
}
