package dev.hivemind.transport.vertx;

import dev.hivemind.api.transport.ServerTransportConfig;
import io.vertx.core.net.PemKeyCertOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's TLS key and certificate: PEM files named by the configuration, generated as a self-signed pair at
 * first start when neither exists (the key written 0600). Blocking file work: call it off the event loop.
 */
public final class ServerCertificates {
    private static final Logger LOG = LoggerFactory.getLogger(ServerCertificates.class);

    /** File names hivemind-core uses. */
    public static final String CERT_FILE = "hivemind.crt";
    public static final String KEY_FILE = "hivemind.key";

    private ServerCertificates() {
    }

    /** Loads or creates the key and certificate files and returns Vert.x options pointing at them. */
    public static PemKeyCertOptions prepare(ServerTransportConfig config, String transport) {
        Path cert = config.tls().certFile();
        Path key = config.tls().keyFile();
        if (cert == null || key == null) {
            if (config.dataDirectory() == null) {
                throw new IllegalArgumentException(transport + ": TLS is on but neither certificate and key files nor a"
                        + " data directory to create them in are configured");
            }
            Path dir = config.dataDirectory().resolve("certs");
            cert = cert == null ? dir.resolve(CERT_FILE) : cert;
            key = key == null ? dir.resolve(KEY_FILE) : key;
        }
        boolean certExists = Files.exists(cert);
        boolean keyExists = Files.exists(key);
        if (certExists != keyExists) {
            throw new IllegalArgumentException(transport + ": TLS " + (certExists ? "key file " + key : "certificate file "
                    + cert) + " is missing while its partner exists; restore it or delete both to generate a new pair");
        }
        if (!certExists) {
            generate(cert, key, SelfSignedCertificate.hostNameFor(config.host()), transport);
        }
        LOG.info("{}: TLS certificate {}, SPKI SHA-256 pin {}", transport, cert, pinOf(cert));
        return new PemKeyCertOptions().setCertPath(cert.toString()).setKeyPath(key.toString());
    }

    private static void generate(Path cert, Path key, String hostName, String transport) {
        try {
            SelfSignedCertificate generated = SelfSignedCertificate.generate(hostName, new SecureRandom());
            byte[] keyPem = generated.privateKeyPem();
            try {
                SecureFiles.writeAtomically(key, keyPem, true);
            } finally {
                Arrays.fill(keyPem, (byte) 0);
            }
            SecureFiles.writeAtomically(cert, generated.certificatePem(), false);
            LOG.warn("{}: generated a self-signed certificate for {} at {}; clients must pin it or"
                    + " trust it explicitly", transport, hostName, cert);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(transport + ": could not generate a self-signed certificate", e);
        } catch (IOException e) {
            throw new UncheckedIOException(transport + ": could not write the generated certificate or key", e);
        }
    }

    /** The SPKI SHA-256 pin of the first certificate in a PEM file. */
    public static String pinOf(Path certFile) {
        try (InputStream in = Files.newInputStream(certFile)) {
            X509Certificate c = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            return SpkiPinningTrustManager.spkiSha256Hex(c);
        } catch (IOException | CertificateException e) {
            throw new IllegalArgumentException("cannot read the certificate " + certFile + ": " + e.getMessage(), e);
        }
    }
}
