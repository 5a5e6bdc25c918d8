package dev.hivemind.auth.psk;

import dev.hivemind.api.auth.AuthStep;
import dev.hivemind.api.auth.ServerAuthExchange;
import dev.hivemind.api.auth.SessionKey;
import dev.hivemind.api.error.ProtocolViolationException;
import dev.hivemind.api.handshake.ClientHandshake;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The server side of the pre-shared key mode: no exchange, the key is in force as soon as the offer is sent. A
 * client HANDSHAKE is never valid for this method.
 */
public final class PskServerExchange implements ServerAuthExchange {
    private final PresharedKey key;

    /** An exchange holding its own copy of {@code key}. */
    public PskServerExchange(PresharedKey key) {
        this.key = key;
    }

    /** A new session key (a copy the caller owns) on every call. */
    @Override
    public Optional<SessionKey> keyBeforeHandshake() {
        return Optional.of(key.toSessionKey());
    }

    @Override
    public CompletionStage<AuthStep> onClientHandshake(ClientHandshake handshake) {
        return CompletableFuture.completedFuture(new AuthStep.Failed(new ProtocolViolationException(
                "unexpected handshake", "the pre-shared key method has no handshake")));
    }

    /** Zeroes this exchange's copy of the key; keys already handed out stay valid. */
    @Override
    public void close() {
        key.close();
    }
}
