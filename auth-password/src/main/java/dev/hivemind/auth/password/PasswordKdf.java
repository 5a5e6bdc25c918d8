package dev.hivemind.auth.password;

import dev.hivemind.api.error.InternalHiveMindException;

/**
 * The key derivation of the password handshake: PBKDF2-HMAC-SHA256 over the UTF-8 password (as Python's
 * {@code str.encode()} gives it), {@value #ITERATIONS} iterations, a {@value #KEY_BYTES}-byte key, computed by
 * {@link Pbkdf2HmacSha256} (the same output as the JDK's {@value #ALGORITHM}, in about half the time). Costs
 * milliseconds: run it off the I/O thread.
 */
public final class PasswordKdf {
    /** The JCA name of the equivalent JDK algorithm (the reference in tests and benchmarks). */
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
        try {
            return Pbkdf2HmacSha256.derive(password, salt, iterations, keyBytes);
        } catch (IllegalStateException e) {
            throw new InternalHiveMindException("key derivation failed", "PBKDF2-HMAC-SHA256 failed", e);
        }
    }

    /** Whether this JDK provides SHA-256, all the derivation needs. */
    static boolean available() {
        try {
            java.security.MessageDigest.getInstance("SHA-256");
            return true;
        } catch (java.security.NoSuchAlgorithmException e) {
            return false;
        }
    }
}
