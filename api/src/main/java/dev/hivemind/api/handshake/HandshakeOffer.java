package dev.hivemind.api.handshake;

import dev.hivemind.api.wire.JsonValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server's HANDSHAKE request (the "offer"), sent right after HELLO. It is a request because it carries
 * no {@code envelope}. Wire order: handshake, min_protocol_version, max_protocol_version, binarize,
 * preshared_key, password, crypto_required, encodings, ciphers; then any flags contributed by extra auth
 * plugins ({@link #extraFlags()}).
 *
 * @param handshake          a key exchange is required (the client has no pre-shared key)
 * @param minProtocolVersion lowest protocol version the server accepts
 * @param maxProtocolVersion highest protocol version the server speaks
 * @param binarize           whether the server wants bit-packed binary frames
 * @param presharedKey       the client's record holds a pre-shared {@code crypto_key}
 * @param password           the client's record holds a password (the password handshake is possible)
 * @param cryptoRequired     plaintext application frames are refused once a key exists
 * @param encodings          the server's allowed text encodings, wire names, in server preference order
 * @param ciphers            the server's allowed ciphers, wire names, in server preference order
 * @param extraFlags         boolean flags of additional auth methods, by wire name
 */
public record HandshakeOffer(boolean handshake, int minProtocolVersion, int maxProtocolVersion, boolean binarize,
        boolean presharedKey, boolean password, boolean cryptoRequired, List<String> encodings, List<String> ciphers,
        Map<String, Object> extraFlags) {

    public static final String HANDSHAKE = "handshake";
    public static final String MIN_PROTOCOL_VERSION = "min_protocol_version";
    public static final String MAX_PROTOCOL_VERSION = "max_protocol_version";
    public static final String BINARIZE = "binarize";
    public static final String PRESHARED_KEY = "preshared_key";
    public static final String PASSWORD = "password";
    public static final String CRYPTO_REQUIRED = "crypto_required";
    public static final String ENCODINGS = "encodings";
    public static final String CIPHERS = "ciphers";

    private static final List<String> KNOWN = List.of(HANDSHAKE, MIN_PROTOCOL_VERSION, MAX_PROTOCOL_VERSION, BINARIZE,
            PRESHARED_KEY, PASSWORD, CRYPTO_REQUIRED, ENCODINGS, CIPHERS);

    public HandshakeOffer {
        encodings = List.copyOf(encodings);
        ciphers = List.copyOf(ciphers);
        extraFlags = extraFlags == null ? Map.of() : JsonValues.immutableObject(extraFlags);
    }

    /** Whether an extra auth-method flag is present and true. */
    public boolean flag(String name) {
        return switch (name) {
            case PASSWORD -> password;
            case PRESHARED_KEY -> presharedKey;
            case HANDSHAKE -> handshake;
            default -> Boolean.TRUE.equals(extraFlags.get(name));
        };
    }

    /** The payload in wire order. */
    public Map<String, Object> toPayload() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(HANDSHAKE, handshake);
        m.put(MIN_PROTOCOL_VERSION, minProtocolVersion);
        m.put(MAX_PROTOCOL_VERSION, maxProtocolVersion);
        m.put(BINARIZE, binarize);
        m.put(PRESHARED_KEY, presharedKey);
        m.put(PASSWORD, password);
        m.put(CRYPTO_REQUIRED, cryptoRequired);
        m.put(ENCODINGS, encodings);
        m.put(CIPHERS, ciphers);
        m.putAll(extraFlags);
        return JsonValues.immutableObject(m);
    }

    /**
     * Reads an offer. Absent booleans read as {@code false}, absent versions as 0 and 1 (what hivemind-core
     * 4.0 always sends), absent lists as empty. Fields of the wrong type are protocol violations.
     */
    public static HandshakeOffer fromPayload(Map<String, ?> payload) {
        Map<String, Object> extra = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : payload.entrySet()) {
            if (!KNOWN.contains(e.getKey()) && e.getValue() instanceof Boolean) {
                extra.put(e.getKey(), e.getValue());
            }
        }
        return new HandshakeOffer(PayloadFields.bool(payload, HANDSHAKE, false),
                PayloadFields.integer(payload, MIN_PROTOCOL_VERSION, 0),
                PayloadFields.integer(payload, MAX_PROTOCOL_VERSION, 1),
                PayloadFields.bool(payload, BINARIZE, false),
                PayloadFields.bool(payload, PRESHARED_KEY, false),
                PayloadFields.bool(payload, PASSWORD, false),
                PayloadFields.bool(payload, CRYPTO_REQUIRED, false),
                PayloadFields.stringList(payload, ENCODINGS),
                PayloadFields.stringList(payload, CIPHERS),
                extra);
    }
}
