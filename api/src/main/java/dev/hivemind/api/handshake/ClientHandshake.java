package dev.hivemind.api.handshake;

import dev.hivemind.api.wire.JsonValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The client's HANDSHAKE: {@code {"binarize", "encodings", "ciphers"}} followed by the fields of the auth
 * method it runs — {@code "envelope"} for password, {@code "pubkey"} for RSA. The server routes it to the
 * auth method whose selector field is present.
 *
 * @param binarize   the client's binarize wish (the Python client echoes the server's flag); {@code null} if absent
 * @param encodings  text encodings the client accepts, wire names, client preference first
 * @param ciphers    ciphers the client accepts, wire names, client preference first
 * @param authFields the auth method's own fields, in wire order
 */
public record ClientHandshake(Boolean binarize, List<String> encodings, List<String> ciphers,
        Map<String, Object> authFields) {

    public static final String BINARIZE = "binarize";
    public static final String ENCODINGS = "encodings";
    public static final String CIPHERS = "ciphers";
    /** Selector field of the password method. */
    public static final String ENVELOPE = "envelope";
    /** Selector field of the RSA method. */
    public static final String PUBKEY = "pubkey";

    public ClientHandshake {
        encodings = List.copyOf(encodings);
        ciphers = List.copyOf(ciphers);
        authFields = authFields == null ? Map.of() : JsonValues.immutableObject(authFields);
    }

    /** An auth field by name. */
    public Optional<Object> authField(String name) {
        return Optional.ofNullable(authFields.get(name));
    }

    /** The payload in wire order. */
    public Map<String, Object> toPayload() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (binarize != null) {
            m.put(BINARIZE, binarize);
        }
        m.put(ENCODINGS, encodings);
        m.put(CIPHERS, ciphers);
        m.putAll(authFields);
        return JsonValues.immutableObject(m);
    }

    /** Reads a client HANDSHAKE; every key other than binarize/encodings/ciphers is an auth field. */
    public static ClientHandshake fromPayload(Map<String, ?> payload) {
        Map<String, Object> auth = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : payload.entrySet()) {
            String k = e.getKey();
            if (!k.equals(BINARIZE) && !k.equals(ENCODINGS) && !k.equals(CIPHERS) && e.getValue() != null) {
                auth.put(k, e.getValue());
            }
        }
        return new ClientHandshake(PayloadFields.optionalBool(payload, BINARIZE).orElse(null),
                PayloadFields.stringList(payload, ENCODINGS), PayloadFields.stringList(payload, CIPHERS), auth);
    }
}
