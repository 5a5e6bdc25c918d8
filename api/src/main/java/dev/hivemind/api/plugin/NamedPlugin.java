package dev.hivemind.api.plugin;

/**
 * Common contract of every discovered plugin: a stable lower-case name that is at once the config key,
 * the registry key and the log label, and an availability report.
 */
public interface NamedPlugin {
    /** Stable lower-case name, for example {@code password}, {@code rsa}, {@code websocket}. */
    String name();

    /** Whether this plugin can run here; unavailable plugins are dropped at start-up with the reason. */
    default Availability availability() {
        return Availability.ok();
    }

    /** One line describing the plugin for {@code list-plugins}. */
    default String description() {
        return name();
    }

    /**
     * Called once at start-up, before any connection. Expensive set-up (loading an identity key) belongs here,
     * never per connection. The default does nothing.
     */
    default void initialize(PluginContext context) {
    }
}
