package dev.hivemind.engine.testplugin;

import dev.hivemind.api.auth.AuthStep;
import dev.hivemind.api.auth.ServerAuthContext;
import dev.hivemind.api.auth.ServerAuthExchange;
import dev.hivemind.api.auth.ServerAuthFactory;
import dev.hivemind.api.auth.SessionKey;
import dev.hivemind.api.error.AuthenticationException;
import dev.hivemind.api.handshake.ClientHandshake;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The hub's half of the test-only {@code token} method (see {@link TokenProof}). Its credential is the client record's
 * own {@code token} credential, which the hub hands over in {@link ServerAuthContext#credential()}; it exercises the
 * engine's dispatch to a method that is not one of the built-in ones.
 */
public class TokenServerAuthFactory implements ServerAuthFactory, TokenMechanism {
    @Override
    public ServerAuthExchange newExchange(ServerAuthContext context) {
        String secret = context.credential().orElseThrow();
        return new ServerAuthExchange() {
            @Override
            public CompletionStage<AuthStep> onClientHandshake(ClientHandshake handshake) {
                Optional<byte[][]> parts = TokenProof.split(handshake.authField(TokenProof.NAME).orElse(null));
                if (parts.isEmpty()) {
                    return CompletableFuture.completedFuture(new AuthStep.Failed(new AuthenticationException("bad token")));
                }
                byte[] n1 = parts.get()[0];
                byte[] proof = parts.get()[1];
                return context.compute(() -> {
                    if (!MessageDigest.isEqual(proof, TokenProof.hmac(secret, n1))) {
                        return new AuthStep.Failed(new AuthenticationException("token proof mismatch"));
                    }
                    byte[] n2 = new byte[TokenProof.NONCE_BYTES];
                    context.random().nextBytes(n2);
                    return new AuthStep.Succeeded(SessionKey.wrap(TokenProof.sessionKey(secret, n1, n2)),
                            Map.of("envelope", TokenProof.field(n2, TokenProof.hmac(secret, n1, n2))));
                });
            }

            @Override
            public void close() {
            }
        };
    }
}
