package dev.hivemind.auth.password;

import dev.hivemind.api.error.InternalHiveMindException;
import java.security.GeneralSecurityException;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.security.auth.DestroyFailedException;

/**
 * The key derivation of the password handshake: PBKDF2-HMAC-SHA256 over the UTF-8 password (the JDK's
 * {@code PBKDF2WithHmacSHA256} encodes the password characters as UTF-8, as Python's {@code str.encode()} does),
 * {@value #ITERATIONS} iterations, a {@value #KEY_BYTES}-byte key. Costs tens of milliseconds: run it off the
 * I/O thread.
 */
public final class PasswordKdf {
    /** The JCA algorithm name. */
    public static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    /** poorman_handshake's iteration count. */
    public static final int ITERATIONS = 100_000;
    /** Length of the derived session key. */
    public static final int KEY_BYTES = 32;

    private PasswordKdf() {
    }

    /** The 32-byte session key for {@code password} and {@code salt}; the caller owns (and should zero) the result. */
    public static byte[] derive(char[] password, byte[] salt) {
        return derive(password, salt, ITERATIONS, KEY_BYTES);
    }

    /** PBKDF2-HMAC-SHA256 with explicit parameters (known-answer tests use other counts and lengths). */
    static byte[] derive(char[] password, byte[] salt, int iterations, int keyBytes) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, keyBytes * 8);
        try {
            SecretKey key = SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec);
            byte[] out = key.getEncoded();
            destroyQuietly(key);
            return out;
        } catch (GeneralSecurityException e) {
            throw new InternalHiveMindException("key derivation failed", ALGORITHM + " failed", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** Whether this JDK provides the algorithm. */
    static boolean available() {
        try {
            SecretKeyFactory.getInstance(ALGORITHM);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static void destroyQuietly(SecretKey key) {
        try {
            key.destroy();
        } catch (DestroyFailedException e) {
            // best effort: the JDK key object is not destroyable; its copy is cleared when it is collected
        }
    }
}
