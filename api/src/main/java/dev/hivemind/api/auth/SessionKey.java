package dev.hivemind.api.auth;

import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * The symmetric session key an auth method establishes (PBKDF2 output, RSA secret or pre-shared key bytes).
 * It owns a private copy of the bytes; {@link #destroy()} zeroes them and is called when the session closes.
 */
public final class SessionKey implements Destroyable {
    private final byte[] key;
    private volatile boolean destroyed;

    private SessionKey(byte[] key) {
        this.key = key;
    }

    /** A key holding a copy of {@code bytes}. */
    public static SessionKey copyOf(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException("a session key needs at least one byte");
        }
        return new SessionKey(bytes.clone());
    }

    /** Takes ownership of {@code bytes} without copying; the caller must not keep or reuse the array. */
    public static SessionKey wrap(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException("a session key needs at least one byte");
        }
        return new SessionKey(bytes);
    }

    /** A copy of the key bytes; the caller should zero the copy when done. */
    public byte[] bytes() {
        if (destroyed) {
            throw new IllegalStateException("session key destroyed");
        }
        return key.clone();
    }

    /** Key length in bytes. */
    public int length() {
        return key.length;
    }

    /** Zeroes the key bytes. */
    @Override
    public void destroy() {
        Arrays.fill(key, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    /** Never prints key material. */
    @Override
    public String toString() {
        return "SessionKey[" + key.length + " bytes" + (destroyed ? ", destroyed" : "") + "]";
    }
}
