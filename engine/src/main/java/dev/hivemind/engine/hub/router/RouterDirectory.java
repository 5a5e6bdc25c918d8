package dev.hivemind.engine.hub.router;

import dev.hivemind.api.agent.PeerDirectory;
import java.util.List;
import java.util.Optional;

/**
 * The router's directory: the read-only {@link PeerDirectory} agents see, plus registration and the address of each
 * peer. The in-process implementation is {@link LocalPeerDirectory}; one shared between hub nodes implements the same
 * interface. Safe from any thread.
 */
public interface RouterDirectory extends PeerDirectory {
    /**
     * Registers a peer. A peer id is unique: a later registration with the same id (the same client and session on
     * a second connection) replaces the earlier one, which is returned.
     */
    Optional<PeerEntry> register(PeerEntry entry);

    /** Removes the entry if it is still the registered one (a replaced entry's connection closing removes nothing). */
    boolean unregister(PeerEntry entry);

    /** The entry of a peer id. */
    Optional<PeerEntry> entry(String peerId);

    /** Every entry, in no particular order. */
    List<PeerEntry> entries();

    /** The entries of the connections one hub node holds ({@link HubIdentity#memberId()}). */
    default List<PeerEntry> entriesAt(String memberId) {
        return entries().stream().filter(e -> memberId.equals(HubIdentity.memberOf(e.address()))).toList();
    }
}
