package dev.hivemind.engine.config;

import dev.hivemind.api.plugin.PluginSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The hub's immutable configuration snapshot, read once at start-up and injected everywhere; nothing re-reads it
 * mid-handshake. Produced by {@link ConfigLoader}, which validates it strictly.
 *
 * @param nodeId          the hub's peer id announced in HELLO ({@code node_id})
 * @param dataDirectory   {@code $HIVEMIND_HOME}: client database, identity key, certificates
 * @param pluginsDirectory folder whose jars join the class path before discovery
 * @param handshake       handshake policy
 * @param crypto          cipher and encoding policy
 * @param authMethods     enabled auth methods, by name, in order
 * @param authSettings    each auth plugin's own section, by name
 * @param transports      listening transports
 * @param workers         bounded worker pool for CPU-heavy steps
 * @param limits          input limits
 * @param agent           the agent that receives authorised messages, by name
 * @param agentSettings   the agent's own section
 * @param authMethodsDefaulted the configuration named no auth methods: {@link #authMethods()} is the built-in list and
 *                        only those of them that are installed are enabled (a reduced distribution starts without a
 *                        configuration file); methods named explicitly must all be installed
 * @param routing         site id, binary handler, upstream hub
 * @param registry        where the client database is ({@code registry:}; SQLite in the data directory by default)
 * @param cluster         this hub as a node of a cluster (off by default)
 */
public record HiveMindConfig(String nodeId, Path dataDirectory, Path pluginsDirectory, HandshakeSettings handshake,
        CryptoSettings crypto, List<String> authMethods, Map<String, PluginSettings> authSettings,
        List<TransportSettings> transports, WorkerSettings workers, LimitSettings limits, String agent,
        PluginSettings agentSettings, boolean authMethodsDefaulted, RoutingSettings routing,
        RegistrySettings registry, ClusterSettings cluster) {

    public HiveMindConfig {
        authMethods = List.copyOf(authMethods);
        authSettings = Map.copyOf(authSettings);
        transports = List.copyOf(transports);
        routing = routing == null ? RoutingSettings.defaults() : routing;
        registry = registry == null ? RegistrySettings.defaults() : registry;
        cluster = cluster == null ? ClusterSettings.defaults() : cluster;
    }

    /** The settings section of an auth plugin (empty if the configuration has none). */
    public PluginSettings authSettings(String name) {
        return authSettings.getOrDefault(name, PluginSettings.empty());
    }

    /**
     * The auth methods to enable, given what is installed: the configured list as it is, or, when the configuration
     * named none, the built-in methods that are installed.
     */
    public List<String> effectiveAuthMethods(java.util.Set<String> installed) {
        return authMethodsDefaulted ? authMethods.stream().filter(installed::contains).toList() : authMethods;
    }

    /** A configuration with every default, rooted at the given data directory. */
    public static HiveMindConfig defaults(Path dataDirectory) {
        return ConfigLoader.fromTree(Map.of(), dataDirectory);
    }
}
