package dev.hivemind.agent.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.JsonValues;
import dev.hivemind.engine.client.HiveMindConnection;
import dev.hivemind.engine.session.ClientOptions;
import dev.hivemind.engine.tck.HubHarness;
import dev.hivemind.engine.testplugin.TokenClientAuthFactory;
import dev.hivemind.engine.testplugin.TokenServerAuthFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The echo agent on a real hub: a round trip a new user sees. */
class EchoAgentTest {
    @TempDir
    Path dir;

    @Test
    void anUtteranceIsAnsweredWithSpeakAddressedToTheSenderAndOtherMessagesComeBack() throws Exception {
        ClientRecord client = ClientRecord.builder("key").clientId(1).name("kitchen")
                .credential("token", "secret").build();
        try (HubHarness h = HubHarness.builder().methods(List.of(new TokenServerAuthFactory())).clients(List.of(client))
                .agent(new EchoAgent()).dataDirectory(dir).build()) {
            HiveMindConnection c = h.connect(h.client(List.of(new TokenClientAuthFactory()),
                    new ClientCredentials("key", null, null, Map.of("token", "secret")), ClientOptions.defaults(), dir,
                    Map.of()));
            c.send(HiveMessage.bus("recognizer_loop:utterance", JsonValues.object("utterances", List.of("hello"),
                    "lang", "de-de"), JsonValues.object()));
            HiveMessage speak = c.poll(Duration.ofSeconds(10)).orElseThrow();
            assertEquals("speak", speak.payload().get("type"));
            assertEquals(Map.of("utterance", "you said: hello", "lang", "de-de"), speak.payload().get("data"));
            Map<?, ?> ctx = (Map<?, ?>) speak.payload().get("context");
            assertEquals(List.of(speak.sourcePeer()), ctx.get("destination"));
            assertEquals(c.sessionId(), ((Map<?, ?>) ctx.get("session")).get("session_id"));

            c.send(HiveMessage.bus("recognizer_loop:record_begin", JsonValues.object(), JsonValues.object()));
            HiveMessage back = c.poll(Duration.ofSeconds(10)).orElseThrow();
            assertEquals("recognizer_loop:record_begin", back.payload().get("type"));
            c.close();
        }
    }
}
