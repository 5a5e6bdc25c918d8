package dev.hivemind.engine.crypto;

import dev.hivemind.api.error.AuthenticationException;
import dev.hivemind.api.error.InternalHiveMindException;
import dev.hivemind.api.wire.CipherSuite;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One direction of one session's AEAD: a JCA {@link Cipher} and key object made once and re-initialised with each
 * message's nonce, so the provider keeps its expanded key schedule instead of rebuilding it per message.
 *
 * <p>Sealing relies on the caller's nonces being unique under the key (the JDK refuses to re-initialise AES-GCM or
 * ChaCha20-Poly1305 for encryption with the key and nonce it used last, which surfaces here as an
 * {@link InternalHiveMindException}). Opening reports every failure as the same {@link AuthenticationException}
 * ({@value Aead#FAILURE}). Not thread-safe: one instance per session direction, used on the connection's thread.
 */
public final class AeadCipher {
    private final CipherSuite suite;
    private final int mode;
    private Cipher cipher;
    private SecretKeySpec key;

    private AeadCipher(CipherSuite suite, int mode, byte[] key) {
        this.suite = Objects.requireNonNull(suite, "suite");
        this.mode = mode;
        this.key = new SecretKeySpec(key, suite == CipherSuite.AES_GCM ? "AES" : "ChaCha20");
        this.cipher = newCipher(suite);
    }

    private static Cipher newCipher(CipherSuite suite) {
        try {
            return Cipher.getInstance(suite == CipherSuite.AES_GCM ? "AES/GCM/NoPadding" : "ChaCha20-Poly1305");
        } catch (GeneralSecurityException e) {
            throw new InternalHiveMindException("cipher unavailable", suite.wireName() + " is not available", e);
        }
    }

    /**
     * A cipher that encrypts under {@code key} (the caller keeps and zeroes its array; the key object holds a copy).
     *
     * @throws IllegalArgumentException for a key length the suite does not take
     */
    public static AeadCipher forSealing(CipherSuite suite, byte[] key) {
        checkKey(suite, key);
        return new AeadCipher(suite, Cipher.ENCRYPT_MODE, key);
    }

    /** A cipher that decrypts under {@code key}; see {@link #forSealing}. */
    public static AeadCipher forOpening(CipherSuite suite, byte[] key) {
        checkKey(suite, key);
        return new AeadCipher(suite, Cipher.DECRYPT_MODE, key);
    }

    /** Bytes {@link #seal} writes for {@code plaintextLength} bytes of input: the ciphertext and the 16-byte tag. */
    public static int sealedLength(int plaintextLength) {
        return plaintextLength + CipherSuite.TAG_BYTES;
    }

    /**
     * Encrypts {@code in[off, off+len)} and writes {@code ciphertext || tag} to {@code out} at {@code outOff}.
     *
     * @return the number of bytes written ({@link #sealedLength}{@code (len)})
     * @throws IllegalArgumentException for an empty nonce or a ChaCha20-Poly1305 nonce that is not 12 bytes
     */
    public int seal(byte[] nonce, byte[] aad, byte[] in, int off, int len, byte[] out, int outOff) {
        if (mode != Cipher.ENCRYPT_MODE) {
            throw new IllegalStateException("this cipher opens; it does not seal");
        }
        if (nonce == null || nonce.length == 0) {
            throw new IllegalArgumentException("the nonce must not be empty");
        }
        if (suite == CipherSuite.CHACHA20_POLY1305 && nonce.length != CipherSuite.CHACHA20_POLY1305.nonceBytes()) {
            throw new IllegalArgumentException("ChaCha20-Poly1305 takes a 12-byte nonce");
        }
        try {
            init(nonce, aad);
            return cipher.doFinal(in, off, len, out, outOff);
        } catch (GeneralSecurityException | IllegalArgumentException | IllegalStateException e) {
            throw new InternalHiveMindException("encryption failed", suite.wireName() + " encryption failed", e);
        }
    }

    /**
     * Checks the tag of {@code in[off, off+len)} ({@code ciphertext || tag}) and returns the plaintext.
     *
     * @throws AuthenticationException with detail {@value Aead#FAILURE} for any failure
     */
    public byte[] open(byte[] nonce, byte[] aad, byte[] in, int off, int len) {
        if (mode != Cipher.DECRYPT_MODE || nonce == null || nonce.length == 0 || in == null
                || len < CipherSuite.TAG_BYTES) {
            throw new AuthenticationException(Aead.FAILURE);
        }
        try {
            init(nonce, aad);
            return cipher.doFinal(in, off, len);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new AuthenticationException(Aead.FAILURE);
        }
    }

    /**
     * Drops the key: the key object is replaced by an all-zero one and the cipher re-initialised with it, so that
     * the provider's cached key schedule no longer holds the session key. Later calls fail.
     */
    public void destroy() {
        byte[] zero = new byte[key.getEncoded().length];
        key = new SecretKeySpec(zero, key.getAlgorithm());
        try {
            // a fresh random-looking nonce is not needed: this key never encrypts anything
            cipher.init(Cipher.DECRYPT_MODE, key, params(new byte[suite.nonceBytes()]));
        } catch (GeneralSecurityException | RuntimeException e) {
            // best effort; the cipher is unusable either way
        }
        key = null;
    }

    private void init(byte[] nonce, byte[] aad) throws GeneralSecurityException {
        if (key == null) {
            throw new IllegalStateException("cipher destroyed");
        }
        try {
            cipher.init(mode, key, params(nonce));
        } catch (InvalidKeyException e) {
            if (mode != Cipher.DECRYPT_MODE) {
                throw e;
            }
            // the JDK's ChaCha20-Poly1305 refuses the key and nonce of its previous initialisation even to decrypt
            // (a frame that failed its tag, then the genuine one; or a replay, which the replay guard then names)
            cipher = newCipher(suite);
            cipher.init(mode, key, params(nonce));
        }
        if (aad != null && aad.length > 0) {
            cipher.updateAAD(aad);
        }
    }

    private AlgorithmParameterSpec params(byte[] nonce) {
        return suite == CipherSuite.AES_GCM ? new GCMParameterSpec(8 * CipherSuite.TAG_BYTES, nonce)
                : new IvParameterSpec(nonce);
    }

    private static void checkKey(CipherSuite suite, byte[] key) {
        Objects.requireNonNull(suite, "suite");
        if (key == null || !suite.acceptsKeyLength(key.length)) {
            throw new IllegalArgumentException(suite.wireName() + " does not take a key of "
                    + (key == null ? 0 : key.length) + " bytes");
        }
    }
}
