package dev.hivemind.api.wire;

import java.util.Optional;

/**
 * Session AEAD ciphers with their wire names. AES-GCM uses HiveMind's 16-byte nonces; ChaCha20-Poly1305
 * the IETF 12-byte nonce. Both have a 16-byte tag and no associated data.
 */
public enum CipherSuite {
    AES_GCM("AES-GCM", 16),
    CHACHA20_POLY1305("CHACHA20-POLY1305", 12);

    /** Tag length in bytes for every suite. */
    public static final int TAG_BYTES = 16;

    private final String wireName;
    private final int nonceBytes;

    CipherSuite(String wireName, int nonceBytes) {
        this.wireName = wireName;
        this.nonceBytes = nonceBytes;
    }

    /** The name used in HANDSHAKE payloads ({@code ciphers}, {@code cipher}). */
    public String wireName() {
        return wireName;
    }

    /** Nonce length in bytes as sent on the wire. */
    public int nonceBytes() {
        return nonceBytes;
    }

    /** Whether a key of this many bytes can be used with this suite. */
    public boolean acceptsKeyLength(int keyBytes) {
        return this == AES_GCM ? keyBytes == 16 || keyBytes == 24 || keyBytes == 32 : keyBytes == 32;
    }

    /** Looks a wire name up (exact, case-sensitive); empty if unknown. */
    public static Optional<CipherSuite> fromWire(String wireName) {
        for (CipherSuite c : values()) {
            if (c.wireName.equals(wireName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
