package dev.hivemind.transport.vertx;

import dev.hivemind.api.transport.ClientTls;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.TrustOptions;
import java.nio.file.Files;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns {@link ClientTls} into Vert.x client TLS options. Pins (SPKI SHA-256) replace chain and host-name checks;
 * a trust file replaces the JDK trust store; trust-all is an explicit, logged opt-in.
 */
public final class ClientTlsOptions {
    private static final Logger LOG = LoggerFactory.getLogger(ClientTlsOptions.class);

    private ClientTlsOptions() {
    }

    public static ClientSSLOptions of(ClientTls tls, String address) {
        ClientSSLOptions options = new ClientSSLOptions();
        if (!tls.pinnedSpkiSha256().isEmpty()) {
            TrustOptions pinned = TrustOptions.wrap(new SpkiPinningTrustManager(tls.pinnedSpkiSha256()));
            return options.setTrustOptions(pinned).setHostnameVerificationAlgorithm("");
        }
        if (tls.insecureTrustAll()) {
            LOG.warn("TLS to {}: certificate verification is OFF (insecureTrustAll); anyone on the path"
                    + " can read and change this connection. Pin the server key instead.", address);
            return options.setTrustAll(true).setHostnameVerificationAlgorithm("");
        }
        if (tls.trustFile() != null) {
            if (!Files.isReadable(tls.trustFile())) {
                throw new IllegalArgumentException("TLS trust file " + tls.trustFile() + " is not readable");
            }
            options.setTrustOptions(new PemTrustOptions().addCertPath(tls.trustFile().toString()));
        }
        return options.setHostnameVerificationAlgorithm(tls.verifyHostname() ? "HTTPS" : "");
    }
}
