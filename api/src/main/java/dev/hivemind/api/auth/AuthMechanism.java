package dev.hivemind.api.auth;

import dev.hivemind.api.plugin.NamedPlugin;
import java.util.Optional;

/**
 * What both halves of an auth method ({@link ServerAuthFactory} on the hub, {@link ClientAuthFactory} on a
 * satellite) declare alike: their shared {@link #name()} (the config key, the log label and the key of the method's
 * credential in a {@link dev.hivemind.api.registry.ClientRecord}) and how the method shows on the wire.
 *
 * <p>Dispatch: the hub routes a client HANDSHAKE to the method whose {@link #selectorField()} it carries
 * ({@code envelope} → password, {@code pubkey} → rsa). A method without a selector field (psk) has no exchange: its
 * key is in force as soon as the offer is sent.
 */
public interface AuthMechanism extends NamedPlugin {
    /** The client HANDSHAKE field that selects this method, or empty for a method without an exchange. */
    Optional<String> selectorField();

    /**
     * The boolean offer flag this method sets for clients it may serve ({@code password}, {@code preshared_key}, or a
     * drop-in's own); empty if it contributes no flag of its own (RSA rides on {@code handshake}).
     */
    Optional<String> offerFlag();

    /** Whether this method is a key exchange (it makes the offer's {@code handshake} flag true). */
    default boolean isHandshake() {
        return selectorField().isPresent();
    }
}
