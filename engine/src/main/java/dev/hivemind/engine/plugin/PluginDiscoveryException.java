package dev.hivemind.engine.plugin;

/** Discovery failed: two plugins share a name, or a configured plugin is missing or unavailable. Stops start-up. */
public class PluginDiscoveryException extends RuntimeException {
    public PluginDiscoveryException(String message) {
        super(message);
    }
}
