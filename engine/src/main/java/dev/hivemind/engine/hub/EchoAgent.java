package dev.hivemind.engine.hub;

import dev.hivemind.api.agent.HiveAgent;
import dev.hivemind.api.agent.PeerSession;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.JsonValues;
import dev.hivemind.api.wire.MessageType;
import java.util.List;
import java.util.Map;

/**
 * The default agent, for trying a hub out and for tests: a BUS {@code recognizer_loop:utterance} is answered with a
 * BUS {@code speak} whose utterance repeats what was heard; every other message is sent back unchanged.
 */
public final class EchoAgent implements HiveAgent {
    @Override
    public String name() {
        return "echo";
    }

    @Override
    public String description() {
        return "answers utterances with 'speak' and echoes every other message back";
    }

    @Override
    public void onMessage(PeerSession peer, HiveMessage message) {
        if (message.type() == MessageType.BUS && "recognizer_loop:utterance".equals(message.payload().get("type"))) {
            Map<String, Object> data = JsonValues.object();
            Object d = message.payload().get("data");
            String heard = "";
            String lang = "en-us";
            if (d instanceof Map<?, ?> dm) {
                if (dm.get("utterances") instanceof List<?> u && !u.isEmpty()) {
                    heard = String.valueOf(u.get(0));
                }
                if (dm.get("lang") instanceof String l) {
                    lang = l;
                }
            }
            data = JsonValues.object("utterance", "you said: " + heard, "lang", lang);
            peer.send(HiveMessage.bus("speak", data, JsonValues.object("destination", List.of(peer.peerId()),
                    "source", "hivemind-echo")));
            return;
        }
        peer.send(message.toBuilder().sourcePeer(null).build());
    }
}
