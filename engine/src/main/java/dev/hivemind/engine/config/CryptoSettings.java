package dev.hivemind.engine.config;

import dev.hivemind.api.wire.CipherSuite;
import dev.hivemind.api.wire.TextEncoding;
import java.util.List;

/**
 * Session cryptography policy.
 *
 * @param allowedCiphers   ciphers the hub accepts, in its preference order (hivemind-core default: ChaCha20 first)
 * @param allowedEncodings text encodings the hub accepts (hivemind-core default order)
 * @param replayCacheSize  random-nonce fingerprints remembered per session to reject replayed frames; counter nonces
 *                         are checked in a fixed window instead (0 disables replay checks)
 */
public record CryptoSettings(List<CipherSuite> allowedCiphers, List<TextEncoding> allowedEncodings,
        int replayCacheSize) {

    /** hivemind-core's default {@code allowed_encodings}. */
    public static final List<TextEncoding> CORE_DEFAULT_ENCODINGS = List.of(TextEncoding.JSON_B64,
            TextEncoding.JSON_URLSAFE_B64, TextEncoding.JSON_B91, TextEncoding.JSON_Z85B, TextEncoding.JSON_Z85P,
            TextEncoding.JSON_B32, TextEncoding.JSON_HEX);

    /** hivemind-core's default {@code allowed_ciphers}. */
    public static final List<CipherSuite> CORE_DEFAULT_CIPHERS = List.of(CipherSuite.CHACHA20_POLY1305,
            CipherSuite.AES_GCM);

    public CryptoSettings {
        allowedCiphers = List.copyOf(allowedCiphers);
        allowedEncodings = List.copyOf(allowedEncodings);
    }

    public static CryptoSettings defaults() {
        return new CryptoSettings(CORE_DEFAULT_CIPHERS, CORE_DEFAULT_ENCODINGS,
                dev.hivemind.engine.crypto.ReplayGuard.DEFAULT_CAPACITY);
    }
}
