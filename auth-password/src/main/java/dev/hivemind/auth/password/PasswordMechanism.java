package dev.hivemind.auth.password;

import dev.hivemind.api.auth.AuthMechanism;
import dev.hivemind.api.handshake.ClientHandshake;
import dev.hivemind.api.handshake.HandshakeOffer;
import dev.hivemind.api.plugin.Availability;
import java.util.Optional;

/** What both halves of the {@code password} method declare alike: name, selector field, offer flag, availability. */
interface PasswordMechanism extends AuthMechanism {
    @Override
    default String name() {
        return PasswordServerAuthFactory.NAME;
    }

    @Override
    default Availability availability() {
        return PasswordKdf.available() ? Availability.ok()
                : Availability.unavailable("this JDK provides no " + PasswordKdf.ALGORITHM);
    }

    @Override
    default Optional<String> selectorField() {
        return Optional.of(ClientHandshake.ENVELOPE);
    }

    @Override
    default Optional<String> offerFlag() {
        return Optional.of(HandshakeOffer.PASSWORD);
    }
}
