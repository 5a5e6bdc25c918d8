package dev.hivemind.examples.embedding;

import dev.hivemind.api.agent.HiveAgent;
import dev.hivemind.api.agent.HubBus;
import dev.hivemind.api.agent.PeerInfo;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.MessageType;
import java.util.List;
import java.util.Map;

/** What the example hub does with utterances: it answers each with a {@code speak} that repeats it. */
public final class AnswerAgent implements HiveAgent {
    private volatile HubBus bus;

    @Override
    public String name() {
        return "answer";
    }

    @Override
    public void start(HubBus hubBus) {
        this.bus = hubBus;
    }

    @Override
    public void onMessage(PeerInfo from, HiveMessage message) {
        if (message.type() == MessageType.BUS && "recognizer_loop:utterance".equals(message.payload().get("type"))
                && message.payload().get("data") instanceof Map<?, ?> data
                && data.get("utterances") instanceof List<?> heard && !heard.isEmpty()) {
            bus.send(from.peerId(), HiveMessage.bus("speak",
                    Map.of("utterance", "you said: " + heard.get(0), "lang", "en-us"),
                    Map.of("destination", List.of(from.peerId()))));
        }
    }
}
