package dev.hivemind.engine.crypto;

import dev.hivemind.api.error.AuthenticationException;
import dev.hivemind.api.wire.CipherSuite;
import java.util.Objects;

/**
 * One-shot AEAD with the JDK providers (a session reuses one {@link AeadCipher} per direction instead): {@code AES/GCM/NoPadding} (any non-empty nonce length, 16 bytes in
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
        byte[] out = new byte[AeadCipher.sealedLength(plaintext.length)];
        AeadCipher.forSealing(suite, key).seal(nonce, aad, plaintext, 0, plaintext.length, out, 0);
        return out;
    }

    /**
     * Checks the tag and decrypts {@code ciphertext || tag}.
     *
     * @throws AuthenticationException with detail {@value #FAILURE} for any failure
     */
    public static byte[] open(CipherSuite suite, byte[] key, byte[] nonce, byte[] ctAndTag, byte[] aad) {
        if (suite == null || key == null || !suite.acceptsKeyLength(key.length) || ctAndTag == null) {
            throw failure();
        }
        return AeadCipher.forOpening(suite, key).open(nonce, aad, ctAndTag, 0, ctAndTag.length);
    }

    private static AuthenticationException failure() {
        return new AuthenticationException(FAILURE);
    }
}
