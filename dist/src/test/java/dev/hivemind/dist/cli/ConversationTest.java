package dev.hivemind.dist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.JsonValues;
import dev.hivemind.api.wire.MessageType;
import dev.hivemind.engine.client.HiveMindConnection;
import dev.hivemind.engine.codec.json.HiveMessageCodec;
import dev.hivemind.engine.session.ClientOptions;
import dev.hivemind.engine.tck.EngineFixtures;
import dev.hivemind.engine.tck.HubHarness;
import dev.hivemind.engine.tck.IntercomFixtures;
import dev.hivemind.engine.tck.TestClients;
import dev.hivemind.engine.testplugin.TokenClientAuthFactory;
import dev.hivemind.engine.testplugin.TokenServerAuthFactory;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code connect --interactive} prints every message the hub sends, whatever its type, not only the replies. */
class ConversationTest {
    private static final HiveMessageCodec CODEC = EngineFixtures.messages();

    @TempDir
    Path dir;

    private HiveMindConnection connect(HubHarness h, ClientRecord r, ClientOptions o) throws Exception {
        return h.connect(h.client(List.of(new TokenClientAuthFactory()),
                new ClientCredentials(r.apiKey(), null, null, Map.of("token", r.password())), o, dir, Map.of()));
    }

    @Test
    void interactivePrintsRepliesBroadcastsIntercomsAndPings() throws Exception {
        ClientRecord me = TestClients.client().id(1).key("me").name("me").build();
        ClientRecord admin = TestClients.client().id(2).key("admin").name("admin").admin(true).build();
        KeyPair myKeys = IntercomFixtures.keyPair();
        KeyPair adminKeys = IntercomFixtures.keyPair();
        try (HubHarness h = HubHarness.builder().methods(List.of(new TokenServerAuthFactory()))
                .clients(List.of(me, admin)).dataDirectory(dir).build()) {
            HiveMindConnection mine = connect(h, me, ClientOptions.defaults());
            HiveMindConnection other = connect(h, admin, ClientOptions.defaults()
                    .withHelloPublicKey(IntercomFixtures.pem(adminKeys.getPublic())));
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (h.hub().router().directory().peers().size() < 2 && System.nanoTime() < end) {
                Thread.sleep(5);
            }
            other.send(CODEC.wrap(MessageType.BROADCAST, HiveMessage.bus("speak",
                    JsonValues.object("utterance", "dinner is ready"), JsonValues.object())));
            other.send(IntercomFixtures.intercom(myKeys.getPublic(), adminKeys.getPrivate(), "psst")
                    .toBuilder().targetPubkey(null).targetSiteId("unknown").build());
            other.send(CODEC.wrap(MessageType.PROPAGATE, HiveMessage.builder(MessageType.PING)
                    .payload(JsonValues.object("flood_id", "f1", "peer", "admin")).build()));
            while (h.hub().metrics().messagesOut() < 4 && System.nanoTime() < end) {
                Thread.sleep(5);
            }

            StringWriter text = new StringWriter();
            new Conversation(mine, CODEC, new PrintWriter(text), "en-us", Duration.ofSeconds(10))
                    .interact(new BufferedReader(new StringReader("hello\n")));
            List<String> lines = text.toString().lines().toList();
            assertTrue(lines.contains("sent: hello"), text.toString());
            assertTrue(lines.contains("received: bus speak {\"utterance\": \"dinner is ready\"}"), text.toString());
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("received: intercom from ")), text.toString());
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("received: ping {\"flood_id\": \"f1\"")),
                    text.toString());
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("received: bus recognizer_loop:utterance "
                    + "{\"utterances\": [\"hello\"]")), text.toString());
            assertEquals("type an utterance per line; end with Ctrl-D", lines.get(0));
        }
    }
}
