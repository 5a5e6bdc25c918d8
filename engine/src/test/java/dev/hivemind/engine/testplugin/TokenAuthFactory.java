package dev.hivemind.engine.testplugin;

import dev.hivemind.api.auth.AuthMethodFactory;
import dev.hivemind.api.auth.AuthStep;
import dev.hivemind.api.auth.ClientAuthContext;
import dev.hivemind.api.auth.ClientAuthExchange;
import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.auth.ClientStart;
import dev.hivemind.api.auth.ServerAuthContext;
import dev.hivemind.api.auth.ServerAuthExchange;
import dev.hivemind.api.auth.SessionKey;
import dev.hivemind.api.error.AuthenticationException;
import dev.hivemind.api.handshake.ClientHandshake;
import dev.hivemind.api.handshake.HandshakeOffer;
import dev.hivemind.api.handshake.HandshakeResponse;
import dev.hivemind.api.registry.ClientRecord;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A test-only auth method (selector {@code token}, offer flag {@code token}) that proves a shared secret (the
 * record's password) with HMAC-SHA256 over fresh nonces from both sides. It exercises the engine's dispatch
 * to a method that is not one of the built-in ones.
 */
public class TokenAuthFactory implements AuthMethodFactory {
    private static final HexFormat HEX = HexFormat.of();

    @Override
    public String name() {
        return "token";
    }

    @Override
    public Optional<String> selectorField() {
        return Optional.of("token");
    }

    @Override
    public Optional<String> offerFlag() {
        return Optional.of("token");
    }

    @Override
    public boolean appliesTo(ClientRecord client) {
        return client.password() != null;
    }

    @Override
    public boolean configuredBy(ClientCredentials credentials) {
        return credentials.option("token").isPresent();
    }

    static byte[] hmac(String secret, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            for (byte[] p : parts) {
                mac.update(p);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public ServerAuthExchange newServerExchange(ServerAuthContext context) {
        return new ServerAuthExchange() {
            @Override
            public CompletionStage<AuthStep> onClientHandshake(ClientHandshake handshake) {
                Object token = handshake.authField("token").orElse(null);
                if (!(token instanceof String s) || s.length() != 128) {
                    return CompletableFuture.completedFuture(new AuthStep.Failed(new AuthenticationException("bad token")));
                }
                byte[] raw;
                try {
                    raw = HEX.parseHex(s);
                } catch (IllegalArgumentException e) {
                    return CompletableFuture.completedFuture(new AuthStep.Failed(new AuthenticationException("bad token")));
                }
                byte[] n1 = Arrays.copyOf(raw, 32);
                byte[] proof = Arrays.copyOfRange(raw, 32, 64);
                String secret = context.client().password();
                return context.compute(() -> {
                    if (!MessageDigest.isEqual(proof, hmac(secret, n1))) {
                        return new AuthStep.Failed(new AuthenticationException("token proof mismatch"));
                    }
                    byte[] n2 = new byte[32];
                    context.random().nextBytes(n2);
                    String envelope = HEX.formatHex(n2) + HEX.formatHex(hmac(secret, n1, n2));
                    return new AuthStep.Succeeded(SessionKey.wrap(hmac(secret, "key".getBytes(StandardCharsets.UTF_8),
                            n1, n2)), Map.of("envelope", envelope));
                });
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public ClientAuthExchange newClientExchange(ClientAuthContext context) {
        String secret = context.credentials().option("token").orElseThrow();
        byte[] n1 = new byte[32];
        context.random().nextBytes(n1);
        return new ClientAuthExchange() {
            @Override
            public ClientStart start(HandshakeOffer offer) {
                if (!offer.flag("token")) {
                    throw new AuthenticationException("downgrade: the hub does not offer token auth");
                }
                return new ClientStart.SendHandshake(Map.of("token", HEX.formatHex(n1) + HEX.formatHex(hmac(secret, n1))));
            }

            @Override
            public CompletionStage<AuthStep> onServerResponse(HandshakeResponse response) {
                String env = response.envelope().orElse("");
                if (env.length() != 128) {
                    return CompletableFuture.completedFuture(new AuthStep.Failed(new AuthenticationException("bad envelope")));
                }
                byte[] raw = HEX.parseHex(env);
                byte[] n2 = Arrays.copyOf(raw, 32);
                if (!MessageDigest.isEqual(Arrays.copyOfRange(raw, 32, 64), hmac(secret, n1, n2))) {
                    return CompletableFuture.completedFuture(new AuthStep.Failed(new AuthenticationException("bad envelope")));
                }
                return CompletableFuture.completedFuture(new AuthStep.Succeeded(
                        SessionKey.wrap(hmac(secret, "key".getBytes(StandardCharsets.UTF_8), n1, n2)), Map.of()));
            }

            @Override
            public void close() {
                Arrays.fill(n1, (byte) 0);
            }
        };
    }
}
