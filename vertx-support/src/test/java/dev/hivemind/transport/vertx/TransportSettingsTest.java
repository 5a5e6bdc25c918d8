package dev.hivemind.transport.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.plugin.PluginSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransportSettingsTest {

    @Test
    void validatesTransportSettings() {
        TransportSettings d = TransportSettings.from(PluginSettings.empty(), 1 << 20);
        assertEquals(1 << 20, d.writeHighWaterBytes());
        assertEquals(8L << 20, d.writeLimitBytes());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> TransportSettings.from(PluginSettings.of(Map.of("closingTimout", "1s")), 1024));
        assertTrue(unknown.getMessage().contains("[closingTimout]") && unknown.getMessage().contains("closingTimeout"));
        assertThrows(IllegalArgumentException.class, () -> TransportSettings.from(
                PluginSettings.of(Map.of("writeHighWaterBytes", 10, "writeLimitBytes", 5)), 1024));
    }
}
