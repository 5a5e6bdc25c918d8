package dev.hivemind.api.registry;

import java.util.List;
import java.util.Optional;

/**
 * The rules every {@link ClientStore} keeps, for implementations to apply inside their transactions: each check
 * throws {@link ClientStoreException} with the message the CLI prints, never a secret.
 */
public final class ClientStoreRules {
    private ClientStoreRules() {
    }

    /** {@code draft} as a new client with id {@code id}; an empty name becomes {@code HiveMind-Node-<id>}. */
    public static ClientRecord newClient(ClientRecord draft, int id) {
        ClientRecordBuilder builder = draft.toBuilder().clientId(id);
        if (draft.name().isEmpty()) {
            builder.name("HiveMind-Node-" + id);
        }
        return builder.build();
    }

    /** The stored client, which must exist and be active. */
    public static ClientRecord requireActive(int clientId, Optional<ClientRecord> stored) {
        ClientRecord current = stored.orElseThrow(() -> new ClientStoreException("no client with id " + clientId));
        if (current.revoked()) {
            throw new ClientStoreException("client " + clientId + " is revoked");
        }
        return current;
    }

    /** An update keeps the client's id and never revokes (that is {@link ClientStore#revoke}). */
    public static void requireAllowedChange(int clientId, ClientRecord updated) {
        if (updated.clientId() != clientId) {
            throw new ClientStoreException("a client's id cannot change (" + clientId + " to " + updated.clientId()
                    + ")");
        }
        if (updated.revoked()) {
            throw new ClientStoreException("use revoke to delete client " + clientId);
        }
    }

    /** A record stored under its own id (an import, a migration): the id must be positive and free. */
    public static void requireNewId(ClientRecord record, boolean taken) {
        if (record.clientId() < 1) {
            throw new ClientStoreException("client id " + record.clientId() + " is not a positive integer");
        }
        if (taken) {
            throw new ClientStoreException("client " + record.clientId() + " already exists");
        }
    }

    /**
     * An active record's access key must be usable and held by no other active client.
     *
     * @param activeHolders the active clients that hold the key now
     */
    public static void requireUsableAccessKey(ClientRecord record, List<ClientRecord> activeHolders) {
        String key = record.apiKey();
        if (key == null || key.isBlank()) {
            throw new ClientStoreException("client " + record.clientId() + ": the access key is empty");
        }
        if (record.revoked()) {
            throw new ClientStoreException("client " + record.clientId() + ": '" + ClientRecord.REVOKED
                    + "' is not a usable access key");
        }
        for (ClientRecord holder : activeHolders) {
            if (holder.clientId() != record.clientId()) {
                throw new ClientStoreException("client " + record.clientId()
                        + ": the access key is already used by client " + holder.clientId());
            }
        }
    }

    /** What a revoked client keeps: its id, name and description; no credential and no permission. */
    public static ClientRecord revoked(ClientRecord current) {
        return ClientRecord.builder(ClientRecord.REVOKED).clientId(current.clientId()).name(current.name())
                .description(current.description()).build();
    }
}
