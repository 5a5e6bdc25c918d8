package dev.hivemind.auth.psk;

import dev.hivemind.api.auth.AuthMechanism;
import dev.hivemind.api.handshake.HandshakeOffer;
import java.util.Optional;

/** What both halves of the {@code psk} method declare alike: a key method without a selector field, and its flag. */
interface PskMechanism extends AuthMechanism {
    @Override
    default String name() {
        return PskServerAuthFactory.NAME;
    }

    @Override
    default Optional<String> selectorField() {
        return Optional.empty();
    }

    @Override
    default Optional<String> offerFlag() {
        return Optional.of(HandshakeOffer.PRESHARED_KEY);
    }

    @Override
    default boolean isHandshake() {
        return false;
    }
}
