package dev.hivemind.engine.auth;

import dev.hivemind.api.auth.ServerAuthFactory;
import java.util.Objects;
import java.util.Optional;

/**
 * The hub's decision that {@code method} may authenticate one client, with the credential it checks against.
 *
 * @param method     the auth method
 * @param credential the client's credential of that method; empty when the method may enrol one on first use
 */
public record MethodGrant(ServerAuthFactory method, Optional<String> credential) {
    public MethodGrant {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(credential, "credential");
    }

    /** Whether the client holds no credential yet and the first one it proves will be enrolled. */
    public boolean enrolling() {
        return credential.isEmpty();
    }

    /** The method's name. */
    public String name() {
        return method.name();
    }
}
