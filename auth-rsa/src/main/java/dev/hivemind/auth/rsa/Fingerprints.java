package dev.hivemind.auth.rsa;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Key fingerprints in the OpenSSH style: {@code SHA256:} followed by the unpadded standard Base64 of the
 * SHA-256 digest of the key's DER SubjectPublicKeyInfo. Fingerprints are public; they may be logged and shown.
 */
public final class Fingerprints {
    /** The prefix of every fingerprint this module writes or accepts. */
    public static final String PREFIX = "SHA256:";

    private Fingerprints() {
    }

    /** The fingerprint of a DER SubjectPublicKeyInfo. */
    public static String of(byte[] spkiDer) {
        return PREFIX + Base64.getEncoder().withoutPadding().encodeToString(sha256(spkiDer));
    }

    /** Whether {@code text} is a well-formed fingerprint (prefix and 43 Base64 characters of a 32-byte digest). */
    public static boolean isWellFormed(String text) {
        if (text == null || !text.startsWith(PREFIX) || text.length() != PREFIX.length() + 43) {
            return false;
        }
        try {
            return Base64.getDecoder().decode(text.substring(PREFIX.length())).length == 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
