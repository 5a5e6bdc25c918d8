package dev.hivemind.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.transport.ServerTransportConfig;
import dev.hivemind.api.transport.TransportFactory;
import dev.hivemind.engine.tck.transport.RecordingAcceptor;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TcpTransportFactoryTest {
    @Test
    void isDiscoveredAsAServiceWithItsName() {
        var factories = ServiceLoader.load(TransportFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.name().equals("tcp")).toList();
        assertEquals(1, factories.size());
        assertEquals(5680, factories.get(0).defaultPort());
        assertEquals(Set.of("tcp", "tcps"), factories.get(0).schemes());
    }

    @Test
    void refusesUnknownSettingsWhenTheServerIsCreated() {
        ServerTransportConfig config = new ServerTransportConfig("127.0.0.1", 0, 1024, null, null, null,
                PluginSettings.of(Map.of("maxPendingAdmission", 3)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TcpTransportFactory().createServer(config, RecordingAcceptor.knowing()));
        assertTrue(e.getMessage().contains("[maxPendingAdmission]"), e.getMessage());
    }
}
