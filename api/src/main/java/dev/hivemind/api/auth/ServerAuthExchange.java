package dev.hivemind.api.auth;

import dev.hivemind.api.handshake.ClientHandshake;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The server side of one auth mechanism on one connection (created per connection by
 * {@link AuthMethodFactory#newServerExchange}). It runs the mechanism; whether the client may use it was
 * decided by the registry record. Called on the connection's thread only.
 */
public interface ServerAuthExchange extends AutoCloseable {
    /**
     * For methods without a selector field (pre-shared key): the key that is in force right after the offer.
     * Handshake methods return empty.
     */
    default Optional<SessionKey> keyBeforeHandshake() {
        return Optional.empty();
    }

    /**
     * Handles a client HANDSHAKE whose selector field names this method. Verification failures complete with
     * {@link AuthStep.Failed} carrying an {@link dev.hivemind.api.error.AuthenticationException}.
     */
    CompletionStage<AuthStep> onClientHandshake(ClientHandshake handshake);

    /** Frees resources and zeroes secrets; called exactly once, whatever the outcome. */
    @Override
    void close();
}
