package dev.hivemind.example.token;

import dev.hivemind.api.auth.AuthStep;
import dev.hivemind.api.auth.ClientAuthContext;
import dev.hivemind.api.auth.ClientAuthExchange;
import dev.hivemind.api.auth.ClientAuthFactory;
import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.auth.ClientStart;
import dev.hivemind.api.auth.SessionKey;
import dev.hivemind.api.error.AuthenticationException;
import dev.hivemind.api.handshake.HandshakeOffer;
import dev.hivemind.api.handshake.HandshakeResponse;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The satellite's half of the example "token" method (see {@link TokenMac}): the secret is the client option
 * {@code token} ({@code hivemind connect … --auth token --option token=SECRET}).
 */
public final class TokenAuthClient implements ClientAuthFactory, TokenMethod {
    @Override
    public String description() {
        return "example: HMAC-SHA256 proof of a shared token, satellite side";
    }

    @Override
    public boolean configuredBy(ClientCredentials credentials) {
        return credentials.option(TokenMac.NAME).filter(t -> !t.isEmpty()).isPresent();
    }

    @Override
    public ClientAuthExchange newExchange(ClientAuthContext context) {
        String secret = context.credentials().option(TokenMac.NAME).orElseThrow();
        byte[] clientNonce = new byte[TokenMac.NONCE];
        context.random().nextBytes(clientNonce);
        return new ClientAuthExchange() {
            @Override
            public ClientStart start(HandshakeOffer offer) {
                if (!offer.flag(TokenMac.NAME)) {
                    throw new AuthenticationException("the hub does not offer token auth for this client");
                }
                return new ClientStart.SendHandshake(Map.of(TokenMac.NAME,
                        TokenMac.field(clientNonce, TokenMac.mac(secret, "client", clientNonce))));
            }

            @Override
            public CompletionStage<AuthStep> onServerResponse(HandshakeResponse response) {
                byte[][] parts = TokenMac.split(response.envelope().orElse(null));
                if (parts == null || !MessageDigest.isEqual(parts[1], TokenMac.mac(secret, "hub", clientNonce, parts[0]))) {
                    return CompletableFuture.completedFuture(new AuthStep.Failed(
                            new AuthenticationException("the hub's proof does not match")));
                }
                return CompletableFuture.completedFuture(new AuthStep.Succeeded(
                        SessionKey.wrap(TokenMac.mac(secret, "key", clientNonce, parts[0])), Map.of()));
            }

            @Override
            public void close() {
                Arrays.fill(clientNonce, (byte) 0);
            }
        };
    }
}
