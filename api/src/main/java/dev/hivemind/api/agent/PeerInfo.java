package dev.hivemind.api.agent;

import java.util.Objects;

/**
 * A peer of the hub as its directory lists it: plain data, so that a directory can be shared between hub nodes.
 *
 * @param peerId     the peer id, {@code USERAGENT::CLIENT_ID::NAME::SESSION_ID} (the upstream hub: its node id)
 * @param role       what the peer is to this hub
 * @param clientId   the client record's id ({@code -1} for the upstream hub)
 * @param clientName the client record's name
 * @param siteId     the site id from the peer's HELLO, or {@code null}
 * @param publicKey  the RSA public key (PEM) from the peer's HELLO, or {@code null}
 * @param admin      whether the client record is an admin
 * @param node       the route id of the hub node that holds the connection
 */
public record PeerInfo(String peerId, Role role, int clientId, String clientName, String siteId, String publicKey,
        boolean admin, String node) {

    /** What a peer is to this hub. */
    public enum Role {
        /** A satellite: receives the unwrapped inner message of a BROADCAST or PROPAGATE, as hivemind-core sends it. */
        SATELLITE,
        /** A hub below this one (it announced itself in HELLO and is an admin): receives the wrappers, to relay them. */
        HUB,
        /** The hub this node is a satellite of. */
        UPSTREAM
    }

    public PeerInfo {
        Objects.requireNonNull(peerId, "peerId");
        Objects.requireNonNull(role, "role");
        clientName = clientName == null ? "" : clientName;
    }
}
