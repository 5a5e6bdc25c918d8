package dev.hivemind.engine.config;

import java.time.Duration;

/**
 * Limits counted per remote address or per access key at an address, so that one source cannot exhaust what every
 * client shares and a stranger at another address cannot lock a client out (docs/SECURITY.md).
 *
 * @param maxAddressFailures   failed authentications (any key, unknown keys included) per address within the failure
 *                             window before that address is refused for a while (0 disables)
 * @param kdfPerClient         key derivations (PBKDF2, RSA) the hub runs per access key and address within
 *                             {@code kdfWindow}; beyond that handshakes get close 1013 (0 disables)
 * @param kdfPerAddress        the same per address, whatever the key (0 disables)
 * @param kdfWindow            the period in which a spent key-derivation budget refills completely
 * @param maxPendingPerAddress sessions still in their handshake from one address; more are refused with 1013
 */
public record SourceLimits(int maxAddressFailures, int kdfPerClient, int kdfPerAddress, Duration kdfWindow,
        int maxPendingPerAddress) {
    public static SourceLimits defaults() {
        return new SourceLimits(30, 10, 60, Duration.ofMinutes(1), 32);
    }
}
