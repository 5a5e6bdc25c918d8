package dev.hivemind.embedded;

import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.wire.HiveMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Shared values and helpers of the embedding tests. */
final class Fixtures {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final String KEY = "kitchen-key";
    static final String PASSWORD = "kitchen-password";
    /** A 32-character pre-shared key (AES-256): no handshake, so hundreds of sessions open fast. */
    static final String CRYPTO_KEY = "0123456789abcdef0123456789abcdef";

    private Fixtures() {
    }

    /**
     * A hub on an ephemeral loopback WebSocket port that knows {@link #KEY} by password and crypto key, keeping its
     * files in {@code dataDirectory}.
     */
    static HubBuilder hub(TestAgent agent, Path dataDirectory) {
        return HiveMind.hub().listen("ws://127.0.0.1:0").eventLoops(2).agent(agent).dataDirectory(dataDirectory)
                .client(ClientRecord.builder(KEY).clientId(1).name("kitchen").password(PASSWORD).cryptoKey(CRYPTO_KEY)
                        .build())
                .config(Map.of("auth", Map.of("methods", List.of("password", "psk"))));
    }

    static HiveMessage utterance(String text) {
        return HiveMessage.bus("recognizer_loop:utterance", Map.of("utterances", List.of(text), "lang", "en-us"),
                Map.of());
    }

    static <T> T await(CompletionStage<T> stage) throws Exception {
        try {
            return stage.toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }
}
