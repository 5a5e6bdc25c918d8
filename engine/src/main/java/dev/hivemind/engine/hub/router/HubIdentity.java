package dev.hivemind.engine.hub.router;

import java.util.Objects;

/**
 * Who this hub is to the hive.
 *
 * @param nodeId    the {@code node_id} announced in HELLO and written as {@code source_peer} of forwarded messages
 *                  (hivemind-core's {@code master:0.0.0.0} by default, so not unique)
 * @param routeId   unique per running hub: the {@code source} of the route hop this hub adds to what it relays to other
 *                  hubs, and how it recognises its own messages coming back (loop prevention). Every node of a cluster
 *                  shares one: to the hive the cluster is one hub
 * @param siteId    the hub's own site id ({@code target_site_id} of a BROADCAST/PROPAGATE/ESCALATE addressed to it), or
 *                  {@code null}
 * @param publicKey the hub's RSA public key (PEM) announced in HELLO, or {@code null}
 * @param memberId  unique per hub process: the node that holds a connection ({@link dev.hivemind.api.agent.PeerInfo#node()}
 *                  and the first part of its address); the route id when the hub is not part of a cluster
 */
public record HubIdentity(String nodeId, String routeId, String siteId, String publicKey, String memberId) {
    public HubIdentity {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(routeId, "routeId");
        Objects.requireNonNull(memberId, "memberId");
        siteId = siteId == null || siteId.isEmpty() ? null : siteId;
        publicKey = publicKey == null || publicKey.isEmpty() ? null : publicKey;
        if (memberId.contains("/")) {
            throw new IllegalArgumentException("a member id must not contain '/': " + memberId);
        }
    }

    /** A hub alone: its route id names its connections too. */
    public HubIdentity(String nodeId, String routeId, String siteId, String publicKey) {
        this(nodeId, routeId, siteId, publicKey, routeId);
    }

    /** A fresh identity with a random route id. */
    public static HubIdentity create(String nodeId, String siteId, String publicKey) {
        return new HubIdentity(nodeId, "hub:" + java.util.UUID.randomUUID(), siteId, publicKey);
    }

    /** The address of one of this node's connections ({@link PeerEntry#address()}). */
    public String address(String connectionId) {
        return memberId + "/" + connectionId;
    }

    /** Whether {@code address} names a connection of this node. */
    public boolean holds(String address) {
        return address.length() > memberId.length() && address.startsWith(memberId)
                && address.charAt(memberId.length()) == '/';
    }

    /** The member id part of an address. */
    public static String memberOf(String address) {
        int slash = address.indexOf('/');
        return slash < 0 ? address : address.substring(0, slash);
    }
}
