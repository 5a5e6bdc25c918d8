package dev.hivemind.example.token;

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
 * An example drop-in auth method, compiled against hivemind-api only: "token". Both sides hold a shared secret (on the
 * hub: the client record's password; on the satellite: the client option {@code token}). The satellite sends a fresh
 * nonce with an HMAC-SHA256 proof over it; the hub answers with its own nonce and a proof over both; the session key
 * is an HMAC over both nonces. Each proof and the key carry their own label, so none can stand in for another.
 */
public final class TokenAuthMethod implements AuthMethodFactory {
    private static final HexFormat HEX = HexFormat.of();
    private static final int NONCE = 32;
    private static final int FIELD_CHARS = 4 * NONCE; // hex of nonce and MAC

    @Override
    public String name() {
        return "token";
    }

    @Override
    public String description() {
        return "example: HMAC-SHA256 proof of a shared token";
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
        return client.password() != null && !client.password().isEmpty();
    }

    @Override
    public boolean configuredBy(ClientCredentials credentials) {
        return credentials.option("token").filter(t -> !t.isEmpty()).isPresent();
    }

    @Override
    public ServerAuthExchange newServerExchange(ServerAuthContext context) {
        return new ServerAuthExchange() {
            @Override
            public CompletionStage<AuthStep> onClientHandshake(ClientHandshake handshake) {
                byte[][] parts = split(handshake.authField("token").orElse(null));
                if (parts == null) {
                    return failed("malformed token field");
                }
                byte[] clientNonce = parts[0];
                String secret = context.client().password();
                return context.compute(() -> {
                    if (!MessageDigest.isEqual(parts[1], mac(secret, "client", clientNonce))) {
                        return new AuthStep.Failed(new AuthenticationException("token proof does not match"));
                    }
                    byte[] hubNonce = new byte[NONCE];
                    context.random().nextBytes(hubNonce);
                    String envelope = HEX.formatHex(hubNonce) + HEX.formatHex(mac(secret, "hub", clientNonce, hubNonce));
                    return new AuthStep.Succeeded(SessionKey.wrap(mac(secret, "key", clientNonce, hubNonce)),
                            Map.of("envelope", envelope));
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
        byte[] clientNonce = new byte[NONCE];
        context.random().nextBytes(clientNonce);
        return new ClientAuthExchange() {
            @Override
            public ClientStart start(HandshakeOffer offer) {
                if (!offer.flag("token")) {
                    throw new AuthenticationException("the hub does not offer token auth for this client");
                }
                return new ClientStart.SendHandshake(Map.of("token",
                        HEX.formatHex(clientNonce) + HEX.formatHex(mac(secret, "client", clientNonce))));
            }

            @Override
            public CompletionStage<AuthStep> onServerResponse(HandshakeResponse response) {
                byte[][] parts = split(response.envelope().orElse(null));
                if (parts == null) {
                    return failed("malformed envelope");
                }
                byte[] hubNonce = parts[0];
                if (!MessageDigest.isEqual(parts[1], mac(secret, "hub", clientNonce, hubNonce))) {
                    return failed("the hub's proof does not match");
                }
                return CompletableFuture.completedFuture(
                        new AuthStep.Succeeded(SessionKey.wrap(mac(secret, "key", clientNonce, hubNonce)), Map.of()));
            }

            @Override
            public void close() {
                Arrays.fill(clientNonce, (byte) 0);
            }
        };
    }

    /** Nonce and MAC from their hex concatenation, or {@code null} if the field is not that. */
    private static byte[][] split(Object field) {
        if (!(field instanceof String s) || s.length() != FIELD_CHARS) {
            return null;
        }
        try {
            byte[] raw = HEX.parseHex(s);
            return new byte[][] {Arrays.copyOf(raw, NONCE), Arrays.copyOfRange(raw, NONCE, 2 * NONCE)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static CompletionStage<AuthStep> failed(String why) {
        return CompletableFuture.completedFuture(new AuthStep.Failed(new AuthenticationException(why)));
    }

    private static byte[] mac(String secret, String label, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(label.getBytes(StandardCharsets.US_ASCII));
            for (byte[] p : parts) {
                mac.update(p);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
