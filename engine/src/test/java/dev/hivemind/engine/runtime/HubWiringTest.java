package dev.hivemind.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.engine.config.ConfigLoader;
import dev.hivemind.engine.config.HiveMindConfig;
import dev.hivemind.engine.hub.InMemoryClientRegistry;
import dev.hivemind.engine.plugin.PluginCatalog;
import dev.hivemind.engine.plugin.PluginDiscoveryException;
import dev.hivemind.engine.testplugin.TokenClientAuthFactory;
import dev.hivemind.engine.testplugin.TokenServerAuthFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Guice wiring of a hub from a configuration and a plugin catalog. */
class HubWiringTest {
    @TempDir
    Path home;

    private final PluginCatalog tokenOnly = PluginCatalog.of(List.of(new TokenServerAuthFactory()),
            List.of(new TokenClientAuthFactory()), List.of(), List.of(new dev.hivemind.engine.tck.RecordingAgent("echo")));

    @Test
    void explicitMethodsMustAllBeInstalled() {
        HiveMindConfig config = ConfigLoader.fromTree(Map.of("auth", Map.of("methods", List.of("token", "password"))),
                home);
        PluginDiscoveryException e = assertThrows(PluginDiscoveryException.class,
                () -> HiveMindEngine.create(config, tokenOnly, new InMemoryClientRegistry(List.of())));
        assertTrue(e.getMessage().contains("'password' is not installed; found: token"), e.getMessage());
    }

    @Test
    void explicitlyNamedDropInMethodIsEnabled() {
        HiveMindConfig config = ConfigLoader.fromTree(Map.of("auth", Map.of("methods", List.of("token"))), home);
        HubServer server = HiveMindEngine.create(config, tokenOnly, new InMemoryClientRegistry(List.of()));
        assertEquals(List.of("token"), server.hub().authMethodNames());
    }

    @Test
    void withoutConfiguredMethodsTheInstalledBuiltInsAreEnabledButNeverADropIn() {
        HiveMindConfig config = ConfigLoader.fromTree(Map.of(), home);
        assertTrue(config.authMethodsDefaulted());
        PluginDiscoveryException e = assertThrows(PluginDiscoveryException.class,
                () -> HiveMindEngine.create(config, tokenOnly, new InMemoryClientRegistry(List.of())));
        assertTrue(e.getMessage().contains("none of [password, psk, rsa] is installed"), e.getMessage());
        assertEquals(List.of("psk"), config.effectiveAuthMethods(java.util.Set.of("psk", "token")));
    }

    @Test
    void configuredAgentMustBeInstalled() {
        HiveMindConfig config = ConfigLoader.fromTree(Map.of("auth", Map.of("methods", List.of("token")),
                "agent", "ovos"), home);
        PluginDiscoveryException e = assertThrows(PluginDiscoveryException.class,
                () -> HiveMindEngine.create(config, tokenOnly, new InMemoryClientRegistry(List.of())));
        assertTrue(e.getMessage().contains("agent 'ovos' is not installed; found: echo"), e.getMessage());
    }
}
