package dev.hivemind.api.wire;

import java.util.Optional;

/**
 * The text encodings of encrypted JSON frames ({@code {"ciphertext","tag","nonce"}}), with their wire names.
 * Declaration order is the Python client's enum order.
 */
public enum TextEncoding {
    JSON_B91("JSON-B91"),
    JSON_Z85B("JSON-Z85B"),
    JSON_Z85P("JSON-Z85P"),
    JSON_B64("JSON-B64"),
    JSON_URLSAFE_B64("JSON-URLSAFE-B64"),
    JSON_B32("JSON-B32"),
    JSON_HEX("JSON-HEX");

    private final String wireName;

    TextEncoding(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in HANDSHAKE payloads ({@code encodings}, {@code encoding}). */
    public String wireName() {
        return wireName;
    }

    /** Looks a wire name up (exact, case-sensitive); empty if unknown. */
    public static Optional<TextEncoding> fromWire(String wireName) {
        for (TextEncoding e : values()) {
            if (e.wireName.equals(wireName)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
