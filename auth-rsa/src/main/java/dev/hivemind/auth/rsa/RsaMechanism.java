package dev.hivemind.auth.rsa;

import dev.hivemind.api.auth.AuthMechanism;
import dev.hivemind.api.handshake.ClientHandshake;
import java.util.Optional;

/** What both halves of the {@code rsa} method declare alike: selected by {@code pubkey}, no offer flag of its own. */
interface RsaMechanism extends AuthMechanism {
    @Override
    default String name() {
        return RsaServerAuthFactory.NAME;
    }

    @Override
    default Optional<String> selectorField() {
        return Optional.of(ClientHandshake.PUBKEY);
    }

    /** RSA rides on the offer's {@code handshake: true}. */
    @Override
    default Optional<String> offerFlag() {
        return Optional.empty();
    }
}
