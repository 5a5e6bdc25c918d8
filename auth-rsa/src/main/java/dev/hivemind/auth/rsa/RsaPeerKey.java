package dev.hivemind.auth.rsa;

import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;

/**
 * An RSA public key that passed {@link RsaPublicKeyPolicy}: a JCA key plus its canonical DER
 * SubjectPublicKeyInfo, its PEM in the Python wire format and its fingerprint. Only instances of this type
 * ever reach RSA arithmetic.
 */
public final class RsaPeerKey {
    private final RSAPublicKey publicKey;
    private final byte[] spkiDer;
    private final String pem;
    private final String fingerprint;

    RsaPeerKey(RSAPublicKey publicKey, byte[] spkiDer) {
        this.publicKey = publicKey;
        this.spkiDer = spkiDer.clone();
        this.pem = RsaPem.publicKeyPem(spkiDer);
        this.fingerprint = Fingerprints.of(spkiDer);
    }

    /** The JCA key. */
    public RSAPublicKey publicKey() {
        return publicKey;
    }

    /** A copy of the canonical DER SubjectPublicKeyInfo. */
    public byte[] spkiDer() {
        return spkiDer.clone();
    }

    /** The key as {@code -----BEGIN PUBLIC KEY-----} PEM, 64-character lines, no trailing newline (as PyCryptodome writes it). */
    public String pem() {
        return pem;
    }

    /** {@code SHA256:<base64>} of the DER SubjectPublicKeyInfo. */
    public String fingerprint() {
        return fingerprint;
    }

    /** Modulus size in bytes: the length of every signature and ciphertext made with this key. */
    public int modulusBytes() {
        return RsaPrimitives.modulusBytes(publicKey);
    }

    /** Modulus size in bits. */
    public int modulusBits() {
        return publicKey.getModulus().bitLength();
    }

    /** Whether {@code other} is the same key, compared on the DER SubjectPublicKeyInfo in constant time. */
    public boolean sameKeyAs(RsaPeerKey other) {
        return other != null && MessageDigest.isEqual(spkiDer, other.spkiDer);
    }

    @Override
    public String toString() {
        return "RsaPeerKey[" + modulusBits() + " bits, " + fingerprint + "]";
    }
}
