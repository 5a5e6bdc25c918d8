package dev.hivemind.engine.crypto;

import dev.hivemind.api.error.AuthenticationException;
import dev.hivemind.api.error.InternalHiveMindException;
import dev.hivemind.api.wire.CipherSuite;
import java.security.GeneralSecurityException;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One-shot AEAD with the JDK providers: {@code AES/GCM/NoPadding} (any non-empty nonce length, 16 bytes in
 * HiveMind) and {@code ChaCha20-Poly1305} (RFC 8439, 12-byte nonce). Tags are always 16 bytes and appended to
 * the ciphertext. Both providers check the tag before releasing any plaintext.
 *
 * <p>{@link #open} reports every failure — wrong key length, bad nonce, short input, wrong tag — as the same
 * {@link AuthenticationException} with the detail {@value #FAILURE}, so that callers cannot become an oracle.
 */
public final class Aead {
    /** The local detail of every decryption failure. */
    public static final String FAILURE = "decryption failed";

    private Aead() {
    }

    /**
     * Encrypts and returns {@code ciphertext || tag}.
     *
     * @throws IllegalArgumentException for a key length the suite does not take, an empty nonce or a
     *                                  ChaCha20-Poly1305 nonce that is not 12 bytes
     */
    public static byte[] seal(CipherSuite suite, byte[] key, byte[] nonce, byte[] plaintext, byte[] aad) {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(plaintext, "plaintext");
        checkKey(suite, key);
        if (nonce == null || nonce.length == 0) {
            throw new IllegalArgumentException("the nonce must not be empty");
        }
        if (suite == CipherSuite.CHACHA20_POLY1305 && nonce.length != CipherSuite.CHACHA20_POLY1305.nonceBytes()) {
            throw new IllegalArgumentException("ChaCha20-Poly1305 takes a 12-byte nonce");
        }
        try {
            Cipher cipher = init(suite, Cipher.ENCRYPT_MODE, key, nonce);
            if (aad != null && aad.length > 0) {
                cipher.updateAAD(aad);
            }
            return cipher.doFinal(plaintext);
        } catch (GeneralSecurityException | IllegalArgumentException | IllegalStateException e) {
            throw new InternalHiveMindException("encryption failed", suite.wireName() + " encryption failed", e);
        }
    }

    /**
     * Checks the tag and decrypts {@code ciphertext || tag}.
     *
     * @throws AuthenticationException with detail {@value #FAILURE} for any failure
     */
    public static byte[] open(CipherSuite suite, byte[] key, byte[] nonce, byte[] ctAndTag, byte[] aad) {
        if (suite == null || key == null || !suite.acceptsKeyLength(key.length) || nonce == null || nonce.length == 0
                || ctAndTag == null || ctAndTag.length < CipherSuite.TAG_BYTES) {
            throw failure();
        }
        try {
            Cipher cipher = init(suite, Cipher.DECRYPT_MODE, key, nonce);
            if (aad != null && aad.length > 0) {
                cipher.updateAAD(aad);
            }
            return cipher.doFinal(ctAndTag);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw failure();
        }
    }

    private static Cipher init(CipherSuite suite, int mode, byte[] key, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher;
        SecretKeySpec keySpec;
        AlgorithmParameterSpec params;
        if (suite == CipherSuite.AES_GCM) {
            cipher = Cipher.getInstance("AES/GCM/NoPadding");
            keySpec = new SecretKeySpec(key, "AES");
            params = new GCMParameterSpec(8 * CipherSuite.TAG_BYTES, nonce);
        } else {
            cipher = Cipher.getInstance("ChaCha20-Poly1305");
            keySpec = new SecretKeySpec(key, "ChaCha20");
            params = new IvParameterSpec(nonce);
        }
        cipher.init(mode, keySpec, params);
        return cipher;
    }

    private static void checkKey(CipherSuite suite, byte[] key) {
        if (key == null || !suite.acceptsKeyLength(key.length)) {
            throw new IllegalArgumentException(suite.wireName() + " does not take a key of "
                    + (key == null ? 0 : key.length) + " bytes");
        }
    }

    private static AuthenticationException failure() {
        return new AuthenticationException(FAILURE);
    }
}
