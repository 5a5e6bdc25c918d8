package dev.hivemind.engine.hub.router;

import java.util.Objects;

/**
 * Who this hub is to the hive.
 *
 * @param nodeId    the {@code node_id} announced in HELLO and written as {@code source_peer} of forwarded messages
 *                  (hivemind-core's {@code master:0.0.0.0} by default, so not unique)
 * @param routeId   unique per running hub: the {@code source} of the route hop this hub adds to what it relays to other
 *                  hubs, and how it recognises its own messages coming back (loop prevention)
 * @param siteId    the hub's own site id ({@code target_site_id} of a BROADCAST/PROPAGATE/ESCALATE addressed to it), or
 *                  {@code null}
 * @param publicKey the hub's RSA public key (PEM) announced in HELLO, or {@code null}
 */
public record HubIdentity(String nodeId, String routeId, String siteId, String publicKey) {
    public HubIdentity {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(routeId, "routeId");
        siteId = siteId == null || siteId.isEmpty() ? null : siteId;
        publicKey = publicKey == null || publicKey.isEmpty() ? null : publicKey;
    }

    /** A fresh identity with a random route id. */
    public static HubIdentity create(String nodeId, String siteId, String publicKey) {
        return new HubIdentity(nodeId, "hub:" + java.util.UUID.randomUUID(), siteId, publicKey);
    }
}
