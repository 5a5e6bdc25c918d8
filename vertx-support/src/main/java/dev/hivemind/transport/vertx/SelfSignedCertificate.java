package dev.hivemind.transport.vertx;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed server certificate as hivemind-core makes one at first start: RSA-2048, CN = the host name, valid
 * for ten years (signed with SHA-256 rather than SHA-1). The host name and, for IP literals, the address are also
 * put in the subject alternative names so that clients that verify host names can use it with a trust file.
 *
 * @param certificate the certificate
 * @param keyPair     its key pair
 */
record SelfSignedCertificate(X509Certificate certificate, KeyPair keyPair) {

    static final Duration VALIDITY = Duration.ofDays(3650);

    static SelfSignedCertificate generate(String hostName, SecureRandom random) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, random);
        KeyPair keyPair = generator.generateKeyPair();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, hostName).build();
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(127, random).add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(VALIDITY)), subject, keyPair.getPublic());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(altNames(hostName)));
            X509Certificate cert = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keyPair.getPrivate())));
            return new SelfSignedCertificate(cert, keyPair);
        } catch (CertIOException | OperatorCreationException e) {
            throw new GeneralSecurityException("could not build the self-signed certificate", e);
        }
    }

    private static GeneralName[] altNames(String hostName) {
        Set<String> names = new LinkedHashSet<>(List.of(hostName));
        List<GeneralName> result = new ArrayList<>();
        for (String name : names) {
            result.add(isIpLiteral(name) ? new GeneralName(GeneralName.iPAddress, name) : new GeneralName(GeneralName.dNSName, name));
        }
        return result.toArray(new GeneralName[0]);
    }

    static boolean isIpLiteral(String host) {
        return host.matches("[0-9.]+") || host.contains(":");
    }

    /** The host name to put in the certificate for a server bound to {@code bindHost}. */
    static String hostNameFor(String bindHost) {
        if (bindHost == null || bindHost.isBlank() || bindHost.equals("0.0.0.0") || bindHost.equals("::")
                || bindHost.equals("[::]")) {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                return "localhost";
            }
        }
        return bindHost;
    }

    /** The certificate in PEM. */
    byte[] certificatePem() throws GeneralSecurityException {
        return pem("CERTIFICATE", certificate.getEncoded());
    }

    /** The private key in PKCS#8 PEM; the caller zeroes the array when done. */
    byte[] privateKeyPem() {
        byte[] der = keyPair.getPrivate().getEncoded();
        try {
            return pem("PRIVATE KEY", der);
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    private static byte[] pem(String type, byte[] der) {
        byte[] body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encode(der);
        byte[] head = ("-----BEGIN " + type + "-----\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\n-----END " + type + "-----\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[head.length + body.length + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(body, 0, out, head.length, body.length);
        System.arraycopy(tail, 0, out, head.length + body.length, tail.length);
        Arrays.fill(body, (byte) 0);
        return out;
    }
}
