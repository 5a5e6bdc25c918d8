package dev.hivemind.engine.testplugin;

import dev.hivemind.api.auth.AuthMechanism;
import java.util.Optional;

/** What both halves of the test-only {@code token} method declare alike: its name is its selector field and flag. */
interface TokenMechanism extends AuthMechanism {
    @Override
    default String name() {
        return TokenProof.NAME;
    }

    @Override
    default Optional<String> selectorField() {
        return Optional.of(TokenProof.NAME);
    }

    @Override
    default Optional<String> offerFlag() {
        return Optional.of(TokenProof.NAME);
    }
}
