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
import dev.hivemind.api.transport.ConnectionAcceptor;
import dev.hivemind.api.transport.ServerTransportConfig;
import dev.hivemind.api.transport.TransportFactory;
import dev.hivemind.api.transport.TransportServer;
import dev.hivemind.engine.tck.memory.MemoryTransport;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
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
    void theHubClosesTheServerCreatorItStartedWithAfterItsTransports() {
        try (MemoryTransport memory = new MemoryTransport()) {
            HiveMindConfig config = ConfigLoader.fromTree(Map.of("auth", Map.of("methods", List.of("token")),
                    "transports", Map.of("websocket", Map.of("enabled", false), "memory", Map.of("port", 0))), home);
            HubServer server = HiveMindEngine.create(config, withTransport(memory),
                    new InMemoryClientRegistry(List.of()));
            List<String> events = new ArrayList<>();
            server.start(new HubServer.ServerCreator() {
                @Override
                public TransportServer create(TransportFactory factory, ServerTransportConfig sc,
                        ConnectionAcceptor acceptor) {
                    TransportServer real = factory.createServer(sc, acceptor);
                    events.add("created " + factory.name());
                    return new StopRecordingServer(real, events);
                }

                @Override
                public void close() {
                    events.add("creator closed");
                }
            });
            server.close();
            server.close();
            assertEquals(List.of("created memory", "stopped", "creator closed"), events);
        }
    }

    @Test
    void aFailedStartClosesTheServerCreatorToo() {
        try (MemoryTransport memory = new MemoryTransport()) {
            HiveMindConfig config = ConfigLoader.fromTree(Map.of("auth", Map.of("methods", List.of("token")),
                    "transports", Map.of("websocket", Map.of("enabled", false), "memory", Map.of("port", 0))), home);
            HubServer server = HiveMindEngine.create(config, withTransport(memory),
                    new InMemoryClientRegistry(List.of()));
            List<String> events = new ArrayList<>();
            HubServer.ServerCreator failing = new HubServer.ServerCreator() {
                @Override
                public TransportServer create(TransportFactory factory, ServerTransportConfig sc,
                        ConnectionAcceptor acceptor) {
                    throw new IllegalStateException("no runtime");
                }

                @Override
                public void close() {
                    events.add("creator closed");
                }
            };
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> server.start(failing));
            assertEquals("no runtime", e.getMessage());
            assertEquals(List.of("creator closed"), events);
        }
    }

    private PluginCatalog withTransport(MemoryTransport memory) {
        return PluginCatalog.of(List.of(new TokenServerAuthFactory()), List.of(new TokenClientAuthFactory()),
                List.of(memory), List.of(new dev.hivemind.engine.tck.RecordingAgent("echo")));
    }

    /** A server that notes when it is stopped. */
    private record StopRecordingServer(TransportServer real, List<String> events) implements TransportServer {
        @Override
        public CompletionStage<InetSocketAddress> start() {
            return real.start();
        }

        @Override
        public CompletionStage<Void> stop() {
            events.add("stopped");
            return real.stop();
        }
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
