package dev.hivemind.api.auth;

import dev.hivemind.api.handshake.HandshakeOffer;
import dev.hivemind.api.handshake.HandshakeResponse;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The client side of one auth mechanism on one connection. A client runs only the methods it was configured
 * for: if the offer does not allow them it fails, it never falls back to another mode.
 */
public interface ClientAuthExchange extends AutoCloseable {
    /**
     * Answers the server's offer.
     *
     * @throws dev.hivemind.api.error.AuthenticationException if the offer does not allow this method (downgrade)
     */
    ClientStart start(HandshakeOffer offer);

    /** Handles the server's HANDSHAKE response; completes with the session key or a failure. */
    CompletionStage<AuthStep> onServerResponse(HandshakeResponse response);

    /** The public key (PEM) to announce in the client HELLO, if this method has one. */
    default Optional<String> helloPublicKey() {
        return Optional.empty();
    }

    /** Frees resources and zeroes secrets; called exactly once. */
    @Override
    void close();
}
