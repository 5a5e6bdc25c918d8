package dev.hivemind.api.transport;

import java.nio.file.Path;
import java.util.List;

/**
 * TLS options of a client connection. Pinning the server certificate's SubjectPublicKeyInfo (SHA-256) is the
 * safe alternative to turning verification off for self-signed hubs.
 *
 * @param trustFile          PEM file of trusted certificates, or {@code null} for the JDK default trust store
 * @param pinnedSpkiSha256   accepted SPKI SHA-256 pins (hex or Base64); when non-empty, only these keys are accepted
 * @param insecureTrustAll   accept any certificate (explicit opt-in, logged as a warning)
 * @param verifyHostname     check the certificate's host name
 */
public record ClientTls(Path trustFile, List<String> pinnedSpkiSha256, boolean insecureTrustAll,
        boolean verifyHostname) {
    public ClientTls {
        pinnedSpkiSha256 = pinnedSpkiSha256 == null ? List.of() : List.copyOf(pinnedSpkiSha256);
    }

    public static ClientTls defaults() {
        return new ClientTls(null, List.of(), false, true);
    }
}
