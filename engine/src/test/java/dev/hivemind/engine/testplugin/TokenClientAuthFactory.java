package dev.hivemind.engine.testplugin;

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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The satellite's half of the test-only {@code token} method (see {@link TokenProof}); the secret is option {@code token}. */
public class TokenClientAuthFactory implements ClientAuthFactory, TokenMechanism {
    @Override
    public boolean configuredBy(ClientCredentials credentials) {
        return credentials.option(TokenProof.NAME).isPresent();
    }

    @Override
    public ClientAuthExchange newExchange(ClientAuthContext context) {
        String secret = context.credentials().option(TokenProof.NAME).orElseThrow();
        byte[] n1 = new byte[TokenProof.NONCE_BYTES];
        context.random().nextBytes(n1);
        return new ClientAuthExchange() {
            @Override
            public ClientStart start(HandshakeOffer offer) {
                if (!offer.flag(TokenProof.NAME)) {
                    throw new AuthenticationException("downgrade: the hub does not offer token auth");
                }
                return new ClientStart.SendHandshake(Map.of(TokenProof.NAME,
                        TokenProof.field(n1, TokenProof.hmac(secret, n1))));
            }

            @Override
            public CompletionStage<AuthStep> onServerResponse(HandshakeResponse response) {
                Optional<byte[][]> parts = TokenProof.split(response.envelope().orElse(null));
                if (parts.isEmpty() || !MessageDigest.isEqual(parts.get()[1], TokenProof.hmac(secret, n1, parts.get()[0]))) {
                    return CompletableFuture.completedFuture(new AuthStep.Failed(new AuthenticationException("bad envelope")));
                }
                return CompletableFuture.completedFuture(new AuthStep.Succeeded(
                        SessionKey.wrap(TokenProof.sessionKey(secret, n1, parts.get()[0])), Map.of()));
            }

            @Override
            public void close() {
                Arrays.fill(n1, (byte) 0);
            }
        };
    }
}
