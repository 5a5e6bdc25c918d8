package dev.hivemind.engine.runtime;

import dev.hivemind.api.plugin.PluginContext;
import dev.hivemind.api.plugin.PluginSettings;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The engine's {@link PluginContext}: one per plugin, built at start-up.
 *
 * @param services what the host shares with plugins ({@link #service}); the first of a type wins
 */
public record EnginePluginContext(PluginSettings settings, Path dataDirectory, Clock clock, SecureRandom random,
        List<Object> services) implements PluginContext {

    public EnginePluginContext {
        services = List.copyOf(services);
    }

    /** A context that shares no services. */
    public EnginePluginContext(PluginSettings settings, Path dataDirectory, Clock clock, SecureRandom random) {
        this(settings, dataDirectory, clock, random, List.of());
    }

    @Override
    public <T> Optional<T> service(Class<T> type) {
        return services.stream().filter(type::isInstance).map(type::cast).findFirst();
    }
}
