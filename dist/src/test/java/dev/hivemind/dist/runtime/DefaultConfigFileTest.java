package dev.hivemind.dist.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hivemind.engine.config.ConfigLoader;
import dev.hivemind.engine.config.HiveMindConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The distribution's documented {@code conf/hivemind.yaml} must say exactly what the built-in defaults are. */
class DefaultConfigFileTest {
    @TempDir
    Path home;

    @Test
    void shippedConfigurationEqualsTheBuiltInDefaults() throws Exception {
        Path shipped = Path.of("src/dist/conf/hivemind.yaml");
        HiveMindConfig fromFile = ConfigLoader.load(shipped, home);
        HiveMindConfig defaults = ConfigLoader.fromTree(Map.of(), home);
        assertEquals(defaults, fromFile);
    }

    @Test
    void theDistributionFolderConfigurationIsFoundAndTheHomeOneWins() throws Exception {
        Path dist = Files.createDirectories(home.resolve("dist/conf")).getParent();
        Files.writeString(dist.resolve("conf/hivemind.yaml"), "node_id: from-dist\n");
        assertEquals("from-dist", NodeConfiguration.load(null, home, dist, Map.of()).config().nodeId());
        Files.writeString(home.resolve("hivemind.yaml"), "node_id: from-home\n");
        assertEquals("from-home", NodeConfiguration.load(null, home, dist, Map.of()).config().nodeId());
        Path explicit = Files.writeString(home.resolve("other.yaml"), "node_id: explicit\n");
        assertEquals("explicit", NodeConfiguration.load(explicit, home, dist, Map.of()).config().nodeId());
    }

    @Test
    void commandLineOverridesMergeIntoTheFile() throws Exception {
        Files.writeString(home.resolve("hivemind.yaml"), "transports:\n  websocket: {port: 1111, host: 127.0.0.1}\n");
        HiveMindConfig c = NodeConfiguration.load(null, home, null,
                Map.of("transports", Map.of("websocket", Map.of("port", 2222)))).config();
        assertEquals(2222, c.transports().get(0).port());
        assertEquals("127.0.0.1", c.transports().get(0).host());
    }
}
