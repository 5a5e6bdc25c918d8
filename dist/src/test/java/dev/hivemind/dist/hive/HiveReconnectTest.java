package dev.hivemind.dist.hive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hivemind.api.agent.PeerInfo;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.JsonValues;
import dev.hivemind.api.wire.MessageType;
import dev.hivemind.engine.tck.EngineFixtures;
import dev.hivemind.engine.tck.RecordingAgent;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The middle hub's upstream link survives a restart of the top hub: it reconnects with a fresh handshake. */
class HiveReconnectTest {
    @TempDir
    Path dir;

    @Test
    void whenTheTopHubRestartsTheMiddleReconnectsAndEscalatesAgain() throws Exception {
        try (Hive hive = new Hive(dir).start()) {
            Satellite s1 = hive.atMiddle("s1");
            HiveMessage up = EngineFixtures.messages().wrap(MessageType.ESCALATE, HiveMessage.bus(
                    "recognizer_loop:utterance", JsonValues.object("utterances", List.of("before")), JsonValues.object()));
            s1.send(up);
            hive.topAgent.await(r -> "before".equals(Satellite.utterance(r.message())));

            hive.top.close();
            RecordingAgent second = new RecordingAgent("echo");
            hive.top = hive.startTop(hive.topPort, second);
            Hive.awaitMiddleAtTop(hive.top);

            s1.send(EngineFixtures.messages().wrap(MessageType.ESCALATE, HiveMessage.bus("recognizer_loop:utterance",
                    JsonValues.object("utterances", List.of("after")), JsonValues.object())));
            RecordingAgent.Received r = second.await(x -> "after".equals(Satellite.utterance(x.message())));
            assertEquals(PeerInfo.Role.HUB, r.from().role());
        }
    }
}
