package dev.hivemind.api.registry;

import java.util.List;
import java.util.Optional;

/**
 * The clients of a {@link ClientStore} inside one transaction ({@link ClientStore#inTransaction}): records are read
 * and written as they are, ids included, so an import or a migration keeps them. The store's rules on ids and access
 * keys still hold; breaking one throws {@link ClientStoreException} and the transaction rolls back.
 */
public interface ClientTransaction {
    /** The client with this id, revoked or not. */
    Optional<ClientRecord> get(int clientId);

    /** Every client, revoked ones included, by id. */
    List<ClientRecord> listAll();

    /** The active clients holding {@code accessKey}, lowest id first. */
    List<ClientRecord> activeByAccessKey(String accessKey);

    /** Stores a new client under its own id (which must be positive and free). */
    void insert(ClientRecord record);

    /** Replaces the stored client that has {@code record}'s id, every field and credential. */
    void replace(ClientRecord record);

    /** Deletes every client and credential (only a migration that was told to replace the target does this). */
    void deleteAll();
}
