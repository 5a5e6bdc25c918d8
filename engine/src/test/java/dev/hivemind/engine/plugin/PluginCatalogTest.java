package dev.hivemind.engine.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.plugin.Availability;
import dev.hivemind.engine.testplugin.TokenClientAuthFactory;
import dev.hivemind.engine.testplugin.TokenServerAuthFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class PluginCatalogTest {
    @Test
    void discoversAgentsAndBinaryHandlersThroughServiceLoader(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path services = java.nio.file.Files.createDirectories(dir.resolve("META-INF/services"));
        java.nio.file.Files.writeString(services.resolve("dev.hivemind.api.agent.HiveAgent"),
                "dev.hivemind.engine.tck.RecordingAgent\n");
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {dir.toUri().toURL()},
                getClass().getClassLoader())) {
            PluginCatalog catalog = PluginCatalog.discover(loader);
            assertTrue(catalog.agents().containsKey("recording"));
            assertTrue(catalog.describe().stream().anyMatch(d -> d.kind().equals("agent")
                    && d.name().equals("recording")));
            assertTrue(catalog.binaryHandlers().isEmpty());
        }
    }

    @Test
    void theTwoHalvesOfOneMethodShareItsNameAndAreListedApart() {
        PluginCatalog catalog = PluginCatalog.of(List.of(new TokenServerAuthFactory()),
                List.of(new TokenClientAuthFactory()), List.of(), List.of());
        assertEquals(List.of("token"), List.copyOf(catalog.serverAuth().keySet()));
        assertEquals(List.of("token"), List.copyOf(catalog.clientAuth().keySet()));
        assertEquals(List.of(PluginCatalog.SERVER_AUTH, PluginCatalog.CLIENT_AUTH),
                catalog.describe().stream().map(PluginDescriptor::kind).toList());
    }

    @Test
    void twoPluginsWithOneNameStopStartUpListingBoth() {
        PluginDiscoveryException e = assertThrows(PluginDiscoveryException.class,
                () -> PluginCatalog.of(List.of(new TokenServerAuthFactory(), new TokenServerAuthFactory()), List.of(),
                        List.of(), List.of()));
        assertTrue(e.getMessage().contains("share a name"), e.getMessage());
        assertTrue(e.getMessage().contains("'token'"), e.getMessage());
    }

    @Test
    void configuredButMissingPluginListsWhatWasFound() {
        PluginCatalog catalog = PluginCatalog.of(List.of(new TokenServerAuthFactory()), List.of(), List.of(),
                List.of(new dev.hivemind.engine.tck.RecordingAgent("echo")));
        PluginDiscoveryException e = assertThrows(PluginDiscoveryException.class,
                () -> catalog.selectServerAuth(List.of("token", "password")));
        assertTrue(e.getMessage().contains("'password' is not installed"), e.getMessage());
        assertTrue(e.getMessage().contains("found: token"), e.getMessage());
        assertThrows(PluginDiscoveryException.class, () -> catalog.selectClientAuth(List.of("token")),
                "a server half alone does not make a satellite method");
    }

    @Test
    void unavailablePluginCannotBeSelected() {
        PluginCatalog catalog = PluginCatalog.of(List.of(new Unavailable()), List.of(), List.of(), List.of());
        PluginDiscoveryException e = assertThrows(PluginDiscoveryException.class,
                () -> catalog.selectServerAuth(List.of("token")));
        assertTrue(e.getMessage().contains("not available here: no hardware token"), e.getMessage());
    }

    @Test
    void selectionKeepsConfiguredOrderAndRejectsDuplicates() {
        PluginCatalog catalog = PluginCatalog.of(List.of(new TokenServerAuthFactory()), List.of(), List.of(),
                List.of());
        assertEquals(1, catalog.selectServerAuth(List.of("token")).size());
        assertThrows(PluginDiscoveryException.class, () -> catalog.selectServerAuth(List.of("token", "token")));
    }

    @Test
    void invalidNamesAreRejected() {
        PluginDiscoveryException e = assertThrows(PluginDiscoveryException.class,
                () -> PluginCatalog.of(List.of(new Named("Bad Name")), List.of(), List.of(), List.of()));
        assertTrue(e.getMessage().contains("invalid name"), e.getMessage());
    }

    static final class Unavailable extends TokenServerAuthFactory {
        @Override
        public Availability availability() {
            return Availability.unavailable("no hardware token");
        }
    }

    static final class Named extends TokenServerAuthFactory {
        private final String name;

        Named(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }
    }
}
