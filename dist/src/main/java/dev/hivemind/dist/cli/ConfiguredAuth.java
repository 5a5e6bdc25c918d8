package dev.hivemind.dist.cli;

import dev.hivemind.api.auth.ServerAuthFactory;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.dist.runtime.NodeConfiguration;
import dev.hivemind.engine.auth.AuthPolicy;
import dev.hivemind.engine.auth.EnrollmentSettings;
import dev.hivemind.engine.config.HiveMindConfig;
import dev.hivemind.engine.plugin.PluginCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The hub's auth methods as its configuration enables them, for the client commands: which methods each client can
 * use (the hub's own {@link AuthPolicy}), and the installed methods' checks and fingerprints of a credential before it
 * is stored. Methods are discovered, never initialised (nothing is generated or loaded).
 */
final class ConfiguredAuth {
    private final PluginCatalog catalog;
    private final AuthPolicy policy;

    private ConfiguredAuth(PluginCatalog catalog, AuthPolicy policy) {
        this.catalog = catalog;
        this.policy = policy;
    }

    /** The methods {@code config} (or the usual configuration file) enables among those installed. */
    static ConfiguredAuth load(HivemindCommand root, Path config) {
        NodeConfiguration node = NodeConfiguration.load(config, root.dataHome(), root.environment().distribution(),
                Map.of());
        HiveMindConfig cfg = node.config();
        PluginCatalog catalog = node.discoverPlugins();
        List<ServerAuthFactory> enabled = cfg.effectiveAuthMethods(catalog.serverAuth().keySet()).stream()
                .map(catalog.serverAuth()::get).filter(Objects::nonNull).toList();
        Set<String> enroll = enabled.stream().filter(ServerAuthFactory::enrollable)
                .filter(m -> EnrollmentSettings.split(cfg.authSettings(m.name())).enrollOnFirstUse())
                .map(ServerAuthFactory::name).collect(Collectors.toSet());
        return new ConfiguredAuth(catalog, new AuthPolicy(enabled, enroll));
    }

    /** The methods that may authenticate {@code client}, as {@code list-clients} shows them ({@code -}: none). */
    String methods(ClientRecord client) {
        List<String> names = policy.describe(client);
        return names.isEmpty() ? "-" : String.join(",", names);
    }

    /** Why the installed method {@code method} would not use {@code credential}; empty if it would. */
    Optional<String> problem(String method, String credential) {
        return installed(method).flatMap(m -> m.credentialProblem(credential));
    }

    /** The installed method's fingerprint of {@code credential} (the default fingerprint if it is not installed). */
    String fingerprint(String method, String credential) {
        return installed(method).map(m -> m.fingerprint(credential)).orElse("-");
    }

    private Optional<ServerAuthFactory> installed(String method) {
        return Optional.ofNullable(catalog.serverAuth().get(method));
    }
}
