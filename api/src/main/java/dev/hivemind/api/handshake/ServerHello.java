package dev.hivemind.api.handshake;

import dev.hivemind.api.wire.JsonValues;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server's HELLO payload: {@code {"pubkey": PEM, "peer": CLIENT_PEER_ID, "node_id": SERVER_PEER}}.
 *
 * @param pubkey the server's RSA public key as SubjectPublicKeyInfo PEM ("" when the node has no identity key)
 * @param peer   the peer id the server assigned to this client
 * @param nodeId the server's own peer id
 */
public record ServerHello(String pubkey, String peer, String nodeId) {
    public static final String PUBKEY = "pubkey";
    public static final String PEER = "peer";
    public static final String NODE_ID = "node_id";

    /** The payload in wire order. */
    public Map<String, Object> toPayload() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(PUBKEY, pubkey);
        m.put(PEER, peer);
        m.put(NODE_ID, nodeId);
        return JsonValues.immutableObject(m);
    }

    /** Reads a payload; every field is optional, as in the Python client. */
    public static ServerHello fromPayload(Map<String, ?> payload) {
        return new ServerHello(PayloadFields.optionalString(payload, PUBKEY).orElse(null),
                PayloadFields.optionalString(payload, PEER).orElse(null),
                PayloadFields.optionalString(payload, NODE_ID).orElse(null));
    }
}
