package dev.hivemind.example.token;

import dev.hivemind.api.auth.AuthMechanism;
import java.util.Optional;

/** What both halves of "token" declare alike: the name is also the HANDSHAKE field that selects it and its offer flag. */
interface TokenMethod extends AuthMechanism {
    @Override
    default String name() {
        return TokenMac.NAME;
    }

    @Override
    default Optional<String> selectorField() {
        return Optional.of(TokenMac.NAME);
    }

    @Override
    default Optional<String> offerFlag() {
        return Optional.of(TokenMac.NAME);
    }
}
