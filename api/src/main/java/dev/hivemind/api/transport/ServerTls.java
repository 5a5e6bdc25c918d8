package dev.hivemind.api.transport;

import java.nio.file.Path;

/**
 * TLS for a server transport. When enabled and the certificate files do not exist, the transport generates a
 * self-signed certificate at first start (as hivemind-core does) and writes it, with the key at 0600.
 *
 * @param enabled  whether TLS is on (wss / tcps)
 * @param certFile PEM certificate chain
 * @param keyFile  PEM private key (PKCS#8 or PKCS#1)
 */
public record ServerTls(boolean enabled, Path certFile, Path keyFile) {
    public static ServerTls disabled() {
        return new ServerTls(false, null, null);
    }
}
