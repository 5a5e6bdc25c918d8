package dev.hivemind.engine.config;

import java.time.Duration;

/**
 * Handshake policy of a hub.
 *
 * @param enabled            whether key exchanges are offered at all (off: pre-shared keys only)
 * @param timeout            overall deadline from connection open to an established session
 * @param maxAttempts        most HANDSHAKE frames accepted from one connection
 * @param minProtocolVersion lowest protocol version accepted (0 allows pre-shared keys without a handshake)
 * @param maxProtocolVersion highest protocol version advertised (hivemind-core 4.0 advertises 1)
 * @param binarize           offer bit-packed binary frames
 * @param requireEncryption  advertise {@code crypto_required} and refuse plaintext application frames
 */
public record HandshakeSettings(boolean enabled, Duration timeout, int maxAttempts, int minProtocolVersion,
        int maxProtocolVersion, boolean binarize, boolean requireEncryption) {

    public static HandshakeSettings defaults() {
        return new HandshakeSettings(true, Duration.ofSeconds(10), 3, 0, 1, false, true);
    }
}
