package dev.hivemind.api.registry;

import java.util.Optional;

/**
 * The hub's source of client records, with the credentials each client holds. From a record the hub decides which
 * auth methods may authenticate the client; auth methods only read it. Implementations may block (a database); the
 * hub calls them on its I/O pool, never on a connection's thread.
 */
public interface ClientRegistry {
    /**
     * Finds the client that holds an access key. Revoked clients are not returned, even for the literal key
     * {@value ClientRecord#REVOKED}.
     */
    Optional<ClientRecord> findByAccessKey(String accessKey);

    /** Records that a client connected just now (best effort; the default does nothing). */
    default void touch(int clientId, double epochSeconds) {
    }

    /**
     * Stores {@code credential} as the client's credential of auth method {@code method}, atomically and only if the
     * client is not revoked and holds no credential of that method yet: first-use enrolment of a public key
     * ({@code auth.<method>.enroll_on_first_use}). The default stores nothing.
     *
     * @return what happened
     */
    default Enrollment enroll(int clientId, String method, String credential) {
        return Enrollment.NOT_SUPPORTED;
    }

    /** The outcome of {@link #enroll}. */
    enum Enrollment {
        /** The credential was stored. */
        STORED,
        /** The client already held exactly this credential (a concurrent first use of the same key). */
        ALREADY_HELD,
        /** The client holds another credential of that method, is revoked, or no longer exists: nothing stored. */
        REFUSED,
        /** This registry cannot store credentials. */
        NOT_SUPPORTED;

        /** Whether the client now holds the credential it presented. */
        public boolean holds() {
            return this == STORED || this == ALREADY_HELD;
        }
    }

    /**
     * Records when several clients last connected (client id to epoch seconds), best effort. The hub batches
     * connection times and calls this at most about once a second; an implementation writing to a database should
     * do it in one transaction. The default calls {@link #touch} for each.
     */
    default void touchAll(java.util.Map<Integer, Double> lastSeen) {
        lastSeen.forEach(this::touch);
    }
}
