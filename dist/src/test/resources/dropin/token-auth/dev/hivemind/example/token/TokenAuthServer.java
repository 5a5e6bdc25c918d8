package dev.hivemind.example.token;

import dev.hivemind.api.auth.AuthStep;
import dev.hivemind.api.auth.ServerAuthContext;
import dev.hivemind.api.auth.ServerAuthExchange;
import dev.hivemind.api.auth.ServerAuthFactory;
import dev.hivemind.api.auth.SessionKey;
import dev.hivemind.api.error.AuthenticationException;
import dev.hivemind.api.handshake.ClientHandshake;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * An example drop-in auth method, compiled against hivemind-api only: the hub's half of "token" (see {@link TokenMac}).
 * Its credential is the client record's own {@code token} credential (set with {@code hivemind add-client --credential
 * token=SECRET}); the hub grants the method only to clients that hold one and hands it over in
 * {@link ServerAuthContext#credential()}.
 */
public final class TokenAuthServer implements ServerAuthFactory, TokenMethod {
    @Override
    public String description() {
        return "example: HMAC-SHA256 proof of a shared token";
    }

    @Override
    public ServerAuthExchange newExchange(ServerAuthContext context) {
        String secret = context.credential().orElseThrow();
        return new ServerAuthExchange() {
            @Override
            public CompletionStage<AuthStep> onClientHandshake(ClientHandshake handshake) {
                byte[][] parts = TokenMac.split(handshake.authField(TokenMac.NAME).orElse(null));
                if (parts == null) {
                    return failed("malformed token field");
                }
                byte[] clientNonce = parts[0];
                return context.compute(() -> {
                    if (!MessageDigest.isEqual(parts[1], TokenMac.mac(secret, "client", clientNonce))) {
                        return new AuthStep.Failed(new AuthenticationException("token proof does not match"));
                    }
                    byte[] hubNonce = new byte[TokenMac.NONCE];
                    context.random().nextBytes(hubNonce);
                    String envelope = TokenMac.field(hubNonce, TokenMac.mac(secret, "hub", clientNonce, hubNonce));
                    return new AuthStep.Succeeded(SessionKey.wrap(TokenMac.mac(secret, "key", clientNonce, hubNonce)),
                            Map.of("envelope", envelope));
                });
            }

            @Override
            public void close() {
            }
        };
    }

    private static CompletionStage<AuthStep> failed(String why) {
        return CompletableFuture.completedFuture(new AuthStep.Failed(new AuthenticationException(why)));
    }
}
