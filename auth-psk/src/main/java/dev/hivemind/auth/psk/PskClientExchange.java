package dev.hivemind.auth.psk;

import dev.hivemind.api.auth.AuthStep;
import dev.hivemind.api.auth.ClientAuthExchange;
import dev.hivemind.api.auth.ClientStart;
import dev.hivemind.api.error.AuthenticationException;
import dev.hivemind.api.error.ProtocolViolationException;
import dev.hivemind.api.handshake.HandshakeOffer;
import dev.hivemind.api.handshake.HandshakeResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The client side of the pre-shared key mode: the key is ready as soon as the server's offer says
 * {@code preshared_key: true}. An offer without it is refused (downgrade), never answered with another mode.
 */
public final class PskClientExchange implements ClientAuthExchange {
    private final PresharedKey key;

    /** An exchange holding its own copy of {@code key}. */
    public PskClientExchange(PresharedKey key) {
        this.key = key;
    }

    /**
     * @return {@link ClientStart.KeyReady} with a new session key the caller owns
     * @throws AuthenticationException if the offer does not advertise {@code preshared_key: true}
     */
    @Override
    public ClientStart start(HandshakeOffer offer) {
        if (!offer.presharedKey()) {
            throw new AuthenticationException("downgrade: the server does not offer the pre-shared key; "
                    + "refusing to fall back to another auth mode");
        }
        return new ClientStart.KeyReady(key.toSessionKey());
    }

    @Override
    public CompletionStage<AuthStep> onServerResponse(HandshakeResponse response) {
        return CompletableFuture.completedFuture(new AuthStep.Failed(new ProtocolViolationException(
                "unexpected handshake", "the pre-shared key method expects no handshake response")));
    }

    /** Zeroes this exchange's copy of the key; keys already handed out stay valid. */
    @Override
    public void close() {
        key.close();
    }
}
