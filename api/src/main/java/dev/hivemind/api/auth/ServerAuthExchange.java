package dev.hivemind.api.auth;

import dev.hivemind.api.handshake.ClientHandshake;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The server side of one auth mechanism on one connection (created per connection by
 * {@link ServerAuthFactory#newExchange}). It runs the mechanism against the credential in
 * {@link ServerAuthContext#credential()}; whether the client may use the method was decided by the hub. Called on
 * the connection's thread only.
 */
public interface ServerAuthExchange extends AutoCloseable {
    /**
     * For methods without a selector field (pre-shared key): the key that is in force right after the offer. The hub
     * counts the session as authenticated only once the client's first frame opened under it. Handshake methods
     * return empty.
     */
    default Optional<SessionKey> keyBeforeHandshake() {
        return Optional.empty();
    }

    /**
     * Handles a client HANDSHAKE whose selector field names this method. Verification failures complete with
     * {@link AuthStep.Failed} carrying an {@link dev.hivemind.api.error.AuthenticationException}.
     */
    CompletionStage<AuthStep> onClientHandshake(ClientHandshake handshake);

    /**
     * After a successful step: the credential the peer presented (an {@linkplain ServerAuthFactory#enrollable()
     * enrollable} method's public key, in the form the record stores), which the hub enrols on first use. Empty for
     * methods whose credential is a shared secret.
     */
    default Optional<String> presentedCredential() {
        return Optional.empty();
    }

    /** Frees resources and zeroes secrets; called exactly once, whatever the outcome. */
    @Override
    void close();
}
