package dev.hivemind.bench;

import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.JsonValues;
import dev.hivemind.engine.codec.json.HiveJson;
import dev.hivemind.engine.codec.json.HiveMessageCodec;
import java.util.List;
import java.util.Random;

/**
 * BUS messages of a chosen size for the benchmarks: a {@code recognizer_loop:utterance} with the metadata a Python
 * satellite sends, whose utterance is filled with pseudo-random words until the message's JSON text has the size
 * asked for (so zlib in the binarized path sees text, not one repeated letter).
 */
public final class MessageSamples {
    private static final String[] WORDS = {"what", "is", "the", "weather", "like", "in", "lisbon", "tomorrow",
        "morning", "turn", "on", "kitchen", "lights", "play", "some", "jazz", "set", "a", "timer", "for", "ten",
        "minutes", "remind", "me", "to", "call", "mom", "how", "far", "moon", "news", "today"};

    private MessageSamples() {
    }

    /** A BUS utterance whose JSON text is {@code bytes} long (at least the size of the message without words). */
    public static HiveMessage bus(int bytes) {
        HiveMessageCodec codec = new HiveMessageCodec(HiveJson.withDefaults());
        Random random = new Random(bytes);
        StringBuilder utterance = new StringBuilder();
        HiveMessage m = withUtterance("");
        int overhead = codec.serialize(m).length();
        while (overhead + utterance.length() < bytes) {
            if (utterance.length() > 0) {
                utterance.append(' ');
            }
            utterance.append(WORDS[random.nextInt(WORDS.length)]);
        }
        utterance.setLength(Math.max(0, bytes - overhead));
        return withUtterance(utterance.toString());
    }

    private static HiveMessage withUtterance(String text) {
        return HiveMessage.bus("recognizer_loop:utterance",
                JsonValues.object("utterances", List.of(text), "lang", "en-us"),
                JsonValues.object("source", "HiveMessageBusClientV0.0.1", "destination", "HiveMind",
                        "session", JsonValues.object("session_id", "3f0c2b7e-8a51-4d9e-9c5a-1f2e3d4c5b6a")));
    }
}
