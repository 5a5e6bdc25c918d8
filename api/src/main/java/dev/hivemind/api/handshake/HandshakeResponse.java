package dev.hivemind.api.handshake;

import dev.hivemind.api.wire.JsonValues;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The server's HANDSHAKE response: {@code {"envelope": STR, "encoding": NAME, "cipher": NAME}}. The auth
 * method's fields ({@code envelope}) come first, then the negotiated encoding and cipher. A HANDSHAKE is a
 * response (not an offer) exactly when it carries an {@code envelope}.
 *
 * @param authFields the auth method's response fields, in wire order (normally just {@code envelope})
 * @param encoding   the chosen text encoding's wire name, or {@code null} if absent (a Python client then uses JSON-HEX)
 * @param cipher     the chosen cipher's wire name, or {@code null} if absent (a Python client then uses AES-GCM)
 */
public record HandshakeResponse(Map<String, Object> authFields, String encoding, String cipher) {
    public static final String ENVELOPE = "envelope";
    public static final String ENCODING = "encoding";
    public static final String CIPHER = "cipher";

    public HandshakeResponse {
        authFields = authFields == null ? Map.of() : JsonValues.immutableObject(authFields);
    }

    /** The envelope, if present. */
    public Optional<String> envelope() {
        Object e = authFields.get(ENVELOPE);
        return e instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** The payload in wire order. */
    public Map<String, Object> toPayload() {
        Map<String, Object> m = new LinkedHashMap<>(authFields);
        if (encoding != null) {
            m.put(ENCODING, encoding);
        }
        if (cipher != null) {
            m.put(CIPHER, cipher);
        }
        return JsonValues.immutableObject(m);
    }

    /** Whether a HANDSHAKE payload is a response (has an {@code envelope} key) rather than an offer. */
    public static boolean isResponse(Map<String, ?> payload) {
        return payload.containsKey(ENVELOPE);
    }

    public static HandshakeResponse fromPayload(Map<String, ?> payload) {
        Map<String, Object> auth = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : payload.entrySet()) {
            if (!e.getKey().equals(ENCODING) && !e.getKey().equals(CIPHER)) {
                auth.put(e.getKey(), e.getValue());
            }
        }
        return new HandshakeResponse(auth, PayloadFields.optionalString(payload, ENCODING).orElse(null),
                PayloadFields.optionalString(payload, CIPHER).orElse(null));
    }
}
