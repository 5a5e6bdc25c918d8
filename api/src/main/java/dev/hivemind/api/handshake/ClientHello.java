package dev.hivemind.api.handshake;

import dev.hivemind.api.wire.JsonValues;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The client's HELLO payload, sent once the session key exists:
 * {@code {"pubkey": PEM, "session": OVOS_SESSION, "site_id": STR}}.
 *
 * @param pubkey  the client's RSA public key PEM, or {@code null}
 * @param session the serialised OVOS session (must carry a {@code session_id})
 * @param siteId  the satellite's site id, or {@code null}
 */
public record ClientHello(String pubkey, Map<String, Object> session, String siteId) {
    public static final String PUBKEY = "pubkey";
    public static final String SESSION = "session";
    public static final String SITE_ID = "site_id";

    public ClientHello {
        session = session == null ? Map.of() : JsonValues.immutableObject(session);
    }

    /** The OVOS session id, or {@code null} when the session carries none. */
    public String sessionId() {
        Object id = session.get("session_id");
        return id instanceof String s ? s : null;
    }

    /** The payload in wire order. */
    public Map<String, Object> toPayload() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(PUBKEY, pubkey);
        m.put(SESSION, session);
        m.put(SITE_ID, siteId);
        return JsonValues.immutableObject(m);
    }

    public static ClientHello fromPayload(Map<String, ?> payload) {
        return new ClientHello(PayloadFields.optionalString(payload, PUBKEY).orElse(null),
                PayloadFields.object(payload, SESSION),
                PayloadFields.optionalString(payload, SITE_ID).orElse(null));
    }
}
