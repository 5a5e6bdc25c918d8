package dev.hivemind.api.auth;

import dev.hivemind.api.plugin.NamedPlugin;
import dev.hivemind.api.registry.ClientRecord;
import java.util.Optional;

/**
 * A pluggable auth mechanism, discovered with {@link java.util.ServiceLoader} (register the implementation in
 * {@code META-INF/services/dev.hivemind.api.auth.AuthMethodFactory}). One factory per mechanism; it creates one
 * exchange per connection. Its {@link #name()} is the config key ({@code password}, {@code rsa}, {@code psk}).
 *
 * <p>Dispatch: the engine routes a client HANDSHAKE to the method whose {@link #selectorField()} is present
 * in it ({@code envelope} → password, {@code pubkey} → rsa). A method without a selector field (psk) has no
 * exchange: its key is in force as soon as the offer is sent.
 */
public interface AuthMethodFactory extends NamedPlugin {
    /** The client HANDSHAKE field that selects this method, or empty for a method without an exchange. */
    Optional<String> selectorField();

    /**
     * The boolean offer flag this method sets for clients it applies to ({@code password},
     * {@code preshared_key}); empty if it contributes no flag of its own (RSA rides on {@code handshake}).
     */
    Optional<String> offerFlag();

    /** Whether this method can serve this client (for example: the record holds a password). */
    boolean appliesTo(ClientRecord client);

    /** Whether this method is a key exchange that makes the offer's {@code handshake} flag true. */
    default boolean isHandshake() {
        return selectorField().isPresent();
    }

    /** The node's public key (PEM) announced in the server HELLO, if this method owns the node identity. */
    default Optional<String> nodePublicKeyPem() {
        return Optional.empty();
    }

    /** Whether the given client credentials configure this method (client side). */
    boolean configuredBy(ClientCredentials credentials);

    /** A fresh server-side exchange for one connection. */
    ServerAuthExchange newServerExchange(ServerAuthContext context);

    /** A fresh client-side exchange for one connection. */
    ClientAuthExchange newClientExchange(ClientAuthContext context);
}
