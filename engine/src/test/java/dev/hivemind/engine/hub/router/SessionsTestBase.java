package dev.hivemind.engine.hub.router;

import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.JsonValues;
import dev.hivemind.engine.client.HiveMindConnection;
import dev.hivemind.engine.codec.json.HiveMessageCodec;
import dev.hivemind.engine.session.ClientOptions;
import dev.hivemind.engine.tck.EngineFixtures;
import dev.hivemind.engine.tck.HubHarness;
import dev.hivemind.engine.tck.TestClients;
import dev.hivemind.engine.testplugin.TokenClientAuthFactory;
import dev.hivemind.engine.testplugin.TokenServerAuthFactory;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** Four clients (an admin; b and c; d, who may neither propagate nor escalate and never gets speak) on a test hub. */
abstract class SessionsTestBase {
    static final HiveMessageCodec CODEC = EngineFixtures.messages();

    final ClientRecord admin = TestClients.client().id(1).key("k1").name("admin").admin(true).build();
    final ClientRecord b = TestClients.client().id(2).key("k2").name("b").build();
    final ClientRecord c = TestClients.client().id(3).key("k3").name("c").build();
    final ClientRecord restricted = TestClients.client().id(4).key("k4").name("d").canPropagate(false)
            .canEscalate(false).messageBlacklist(List.of("speak")).build();

    @TempDir
    Path dir;

    HubHarness hub(HubHarness.Builder builder) {
        return builder.methods(List.of(new TokenServerAuthFactory())).clients(List.of(admin, b, c, restricted))
                .dataDirectory(dir).build();
    }

    HiveMindConnection sat(HubHarness h, ClientRecord r, ClientOptions o) throws Exception {
        return RoutingHarness.connect(h, dir, r, o);
    }

    HiveMindConnection sat(HubHarness h, ClientRecord r) throws Exception {
        return RoutingHarness.connect(h, dir, r, ClientOptions.defaults().withSiteId("site-" + r.name()));
    }

    static HiveMessage utterance(String text) {
        return HiveMessage.bus("recognizer_loop:utterance", JsonValues.object("utterances", List.of(text)),
                JsonValues.object());
    }

    static HiveMessage speak(String text) {
        return HiveMessage.bus("speak", JsonValues.object("utterance", text), JsonValues.object());
    }
}
