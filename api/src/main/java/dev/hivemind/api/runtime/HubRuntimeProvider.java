package dev.hivemind.api.runtime;

import java.util.Map;

/**
 * Lets a transport host a complete hub without depending on the engine: the engine registers an implementation
 * with {@link java.util.ServiceLoader}, and, for example, the Vert.x verticle builds its hub through it from a
 * JSON configuration.
 */
public interface HubRuntimeProvider {
    /**
     * Builds a hub from a configuration tree (the same keys as the YAML configuration file). Unknown keys are
     * rejected.
     */
    HubRuntime create(Map<String, Object> configuration);
}
