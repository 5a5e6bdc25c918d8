package dev.hivemind.transport.vertx;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.X509TrustManager;

/**
 * Trusts a server whose certificate's SubjectPublicKeyInfo has one of the pinned SHA-256 digests, whatever signed
 * it: the safe way to reach a hub with a self-signed certificate without turning verification off. Pins are given
 * as 64 hex digits or as Base64 (optionally prefixed with {@code sha256/}).
 */
final class SpkiPinningTrustManager implements X509TrustManager {
    private final List<byte[]> pins;

    SpkiPinningTrustManager(List<String> pins) {
        if (pins.isEmpty()) {
            throw new IllegalArgumentException("at least one SPKI pin is needed");
        }
        List<byte[]> decoded = new ArrayList<>();
        for (int i = 0; i < pins.size(); i++) {
            decoded.add(decodePin(pins.get(i), i));
        }
        this.pins = List.copyOf(decoded);
    }

    static byte[] decodePin(String pin, int index) {
        String p = pin == null ? "" : pin.trim();
        if (p.toLowerCase(Locale.ROOT).startsWith("sha256/")) {
            p = p.substring("sha256/".length());
        }
        byte[] digest;
        try {
            digest = p.matches("[0-9a-fA-F]{64}") ? HexFormat.of().parseHex(p) : Base64.getDecoder().decode(p);
        } catch (IllegalArgumentException e) {
            digest = new byte[0];
        }
        if (digest.length != 32) {
            throw new IllegalArgumentException("SPKI pin #" + (index + 1)
                    + " is not a SHA-256 digest (64 hex digits or 44 Base64 characters)");
        }
        return digest;
    }

    /** The SHA-256 digest of a certificate's SubjectPublicKeyInfo, in lower-case hex: the value to pin. */
    static String spkiSha256Hex(X509Certificate certificate) {
        return HexFormat.of().formatHex(spkiSha256(certificate));
    }

    private static byte[] spkiSha256(X509Certificate certificate) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server sent no certificate");
        }
        byte[] actual = spkiSha256(chain[0]);
        for (byte[] pin : pins) {
            if (MessageDigest.isEqual(pin, actual)) {
                return;
            }
        }
        throw new PinMismatchException(HexFormat.of().formatHex(actual));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("client certificates are not used");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
