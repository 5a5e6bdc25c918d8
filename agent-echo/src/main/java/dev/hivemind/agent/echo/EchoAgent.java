package dev.hivemind.agent.echo;

import dev.hivemind.api.agent.HiveAgent;
import dev.hivemind.api.agent.HubBus;
import dev.hivemind.api.agent.PeerInfo;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.JsonValues;
import dev.hivemind.api.wire.MessageType;
import java.util.List;
import java.util.Map;

/**
 * The default agent, for trying a hub out and for tests: a BUS {@code recognizer_loop:utterance} is answered with a
 * BUS {@code speak} whose utterance repeats what was heard (an OVOS reply: its destination is the sender); every other
 * message from a peer is sent back to it unchanged. Messages from the upstream hub are not answered.
 */
public final class EchoAgent implements HiveAgent {
    private volatile HubBus bus;

    @Override
    public String name() {
        return "echo";
    }

    @Override
    public String description() {
        return "answers utterances with 'speak' and echoes every other message back";
    }

    @Override
    public void start(HubBus hubBus) {
        this.bus = hubBus;
    }

    @Override
    public void onMessage(PeerInfo from, HiveMessage message) {
        HubBus b = bus;
        if (b == null || from.role() == PeerInfo.Role.UPSTREAM) {
            return;
        }
        if (message.type() == MessageType.BUS && "recognizer_loop:utterance".equals(message.payload().get("type"))) {
            String heard = "";
            String lang = "en-us";
            if (message.payload().get("data") instanceof Map<?, ?> d) {
                if (d.get("utterances") instanceof List<?> u && !u.isEmpty()) {
                    heard = String.valueOf(u.get(0));
                }
                if (d.get("lang") instanceof String l) {
                    lang = l;
                }
            }
            Object session = message.payload().get("context") instanceof Map<?, ?> c ? c.get("session") : null;
            b.emit(JsonValues.object("type", "speak",
                    "data", JsonValues.object("utterance", "you said: " + heard, "lang", lang),
                    "context", session == null
                            ? JsonValues.object("destination", List.of(from.peerId()), "source", "hivemind-echo")
                            : JsonValues.object("destination", List.of(from.peerId()), "source", "hivemind-echo",
                                    "session", session)));
            return;
        }
        b.send(from.peerId(), message.toBuilder().sourcePeer(null).build());
    }
}
