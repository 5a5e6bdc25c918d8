package dev.hivemind.dist.cli;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/** Reads an RSA public key in PEM ({@code -----BEGIN PUBLIC KEY-----}, X.509 SubjectPublicKeyInfo). */
final class PublicKeyFiles {
    private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String END = "-----END PUBLIC KEY-----";

    private PublicKeyFiles() {
    }

    /** The key re-encoded as canonical PEM (64-character lines), or empty if the text holds no RSA public key. */
    static Optional<String> canonicalRsaPem(String text) {
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            return Optional.empty();
        }
        String body = text.substring(begin + BEGIN.length(), end).replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(body);
            if (!(KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der)) instanceof RSAPublicKey key)) {
                return Optional.empty();
            }
            String base64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded());
            return Optional.of(BEGIN + "\n" + base64 + "\n" + END + "\n");
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    /** The SHA-256 of the key's DER encoding (SubjectPublicKeyInfo) in hex, or empty if the text holds no key. */
    static Optional<String> fingerprint(String pem) {
        return canonicalRsaPem(pem).map(canonical -> {
            String body = canonical.substring(BEGIN.length(), canonical.indexOf(END)).replaceAll("\\s", "");
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(Base64.getDecoder().decode(body)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JDK", e);
            }
        });
    }
}
