package dev.hivemind.api.registry;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A client database that can be administered as well as read: what the {@code hivemind} admin commands use, and, as
 * a {@link ClientRegistry}, what the hub reads. Opened by a {@link ClientStoreFactory}; several stores (a hub, the
 * CLI, other hub nodes) may use one database at once, and each sees what the others committed.
 *
 * <p>Rules every implementation keeps: ids are positive, given in increasing order and never reused (a deleted client
 * is <em>revoked</em>: its row stays with the access key {@value ClientRecord#REVOKED}, no credentials, no
 * permissions); an active client's access key is not blank, not {@value ClientRecord#REVOKED} and held by no other
 * active client; every change is atomic. Methods may block (a database) and are safe to call from several threads;
 * failures are {@link ClientStoreException}s whose message names no secret.
 */
public interface ClientStore extends ClientRegistry, AutoCloseable {
    /** Where the clients are, for messages: a file, or a URL without credentials. Never a secret. */
    String location();

    /** The version of the database's schema (the current one once the store is open). */
    int schemaVersion();

    /**
     * Adds a new client and gives it the next free id ({@code draft}'s id is ignored). An empty name becomes
     * {@code HiveMind-Node-<id>}.
     *
     * @return the stored record
     * @throws ClientStoreException if the access key is blank, {@value ClientRecord#REVOKED}, or held by another client
     */
    ClientRecord add(ClientRecord draft);

    /** The client with this id, revoked or not. */
    Optional<ClientRecord> get(int clientId);

    /** Every client that is not revoked, by id. */
    default List<ClientRecord> list() {
        return listAll().stream().filter(r -> !r.revoked()).toList();
    }

    /** Every client, revoked ones included, by id. */
    List<ClientRecord> listAll();

    /** Number of clients, revoked ones included (hivemind-core's {@code total_clients}). */
    int count();

    /**
     * Changes a client atomically: {@code change} gets the stored record and returns the new one (or the same record
     * to change nothing); if it throws, nothing is written.
     *
     * @return the record as stored afterwards
     * @throws ClientStoreException if there is no such client, it is revoked, or the change breaks a rule (a new id,
     *                              a blank, revoked or taken access key)
     */
    ClientRecord update(int clientId, UnaryOperator<ClientRecord> change);

    /**
     * Revokes (deletes) a client: its row stays with the access key {@value ClientRecord#REVOKED}, no credentials and
     * no permissions; name and description are kept.
     *
     * @return the record before it was revoked
     * @throws ClientStoreException if there is no such client or it is already revoked
     */
    ClientRecord revoke(int clientId);

    /**
     * Runs {@code work} in one transaction, for imports and migrations: every change it makes is committed when it
     * returns, and none if it throws. Other writers wait until it ends.
     */
    <T> T inTransaction(Function<ClientTransaction, T> work);

    /** Releases the connection or pool. */
    @Override
    void close();
}
