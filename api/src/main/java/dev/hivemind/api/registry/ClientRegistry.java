package dev.hivemind.api.registry;

import java.util.Optional;

/**
 * The hub's source of client records: credential <em>policy</em> lives here, auth modules only run the
 * mechanism. Implementations may block (a database lookup); the engine calls them off the I/O threads.
 */
public interface ClientRegistry {
    /**
     * Finds the client that holds an access key. Revoked clients are not returned, even for the literal
     * key {@value ClientRecord#REVOKED}.
     */
    Optional<ClientRecord> findByAccessKey(String accessKey);

    /** Records that a client connected just now (best effort; the default does nothing). */
    default void touch(int clientId, double epochSeconds) {
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
