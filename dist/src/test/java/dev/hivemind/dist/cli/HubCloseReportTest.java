package dev.hivemind.dist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hivemind.api.agent.HiveAgent;
import dev.hivemind.api.agent.PeerInfo;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.engine.config.ConfigLoader;
import dev.hivemind.engine.hub.InMemoryClientRegistry;
import dev.hivemind.engine.plugin.PluginCatalog;
import dev.hivemind.engine.runtime.HiveMindEngine;
import dev.hivemind.engine.runtime.HubServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code connect} names the code and the reason of a close by the hub, and says so when there is no reason. */
class HubCloseReportTest {
    @TempDir
    Path tmp;

    @Test
    void aCloseWithoutReasonIsNeverAnEmptyLine() {
        assertEquals("the connection was closed by the hub without a reason (1000)", HubClose.describe(1000, ""));
        assertEquals("the connection was closed by the hub without a reason (1005)", HubClose.describe(1005, null));
        assertEquals("the connection was closed by the hub: bye (1000)", HubClose.describe(1000, " bye "));
    }

    @Test
    void aHubThatClosesWhileTheSatelliteWaitsIsReportedWithCodeAndReason() {
        PluginCatalog found = PluginCatalog.discover(getClass().getClassLoader());
        List<HubServer> server = new ArrayList<>();
        HiveAgent closer = new HiveAgent() {
            @Override
            public String name() {
                return "echo";
            }

            @Override
            public void onMessage(PeerInfo from, HiveMessage message) {
                new Thread(() -> server.get(0).close()).start();
            }
        };
        PluginCatalog catalog = PluginCatalog.of(List.copyOf(found.serverAuth().values()),
                List.copyOf(found.clientAuth().values()), List.copyOf(found.transports().values()), List.of(closer));
        server.add(HiveMindEngine.create(ConfigLoader.fromTree(Map.of("transports",
                Map.of("websocket", Map.of("host", "127.0.0.1", "port", 0))), tmp.resolve("hub")), catalog,
                new InMemoryClientRegistry(List.of(ClientRecord.builder("close-key").clientId(1).name("sat")
                        .password("close-pass").build()))));
        try {
            int port = server.get(0).start().get("websocket").getPort();
            CliRun.Result r = new CliRun(tmp).run("connect", "ws://127.0.0.1:" + port, "--access-key", "close-key",
                    "--password", "close-pass", "--send", "hello");
            assertEquals(1, r.exitCode(), r.err());
            assertEquals("hivemind: the connection was closed by the hub: hub shutting down (1001)", r.err().strip());
        } finally {
            server.get(0).close();
        }
    }
}
