package dev.hivemind.auth.psk;

import dev.hivemind.api.auth.SessionKey;
import dev.hivemind.api.error.InternalHiveMindException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A pre-shared {@code crypto_key}: its UTF-8 bytes are the AES (or ChaCha20) key, with no derivation, exactly as
 * hivemind_bus_client uses it. Owns a copy of the bytes; {@link #close()} zeroes it.
 */
public final class PresharedKey implements AutoCloseable {
    /** Keys shorter than this many characters are accepted but weak (hivemind-core makes 16-character keys). */
    public static final int RECOMMENDED_MIN_CHARS = 32;

    private final byte[] key;
    private final boolean weak;
    private boolean closed;

    private PresharedKey(byte[] key, boolean weak) {
        this.key = key;
        this.weak = weak;
    }

    /**
     * Why {@code cryptoKey} cannot be a pre-shared key, or empty if it can (16, 24 or 32 UTF-8 bytes). The text
     * names the length, never the key.
     */
    public static Optional<String> problem(String cryptoKey) {
        if (cryptoKey == null || cryptoKey.isEmpty()) {
            return Optional.of("no crypto_key is set");
        }
        int bytes = cryptoKey.getBytes(StandardCharsets.UTF_8).length;
        if (bytes == 16 || bytes == 24 || bytes == 32) {
            return Optional.empty();
        }
        return Optional.of("the crypto_key is " + bytes + " bytes long in UTF-8; a pre-shared key must be 16, 24 or "
                + "32 bytes (AES-128, AES-192 or AES-256; ChaCha20-Poly1305 needs 32)");
    }

    /**
     * The key for {@code cryptoKey}.
     *
     * @throws InternalHiveMindException if the length is not 16, 24 or 32 UTF-8 bytes (a configuration error)
     */
    public static PresharedKey of(String cryptoKey) {
        Optional<String> problem = problem(cryptoKey);
        if (problem.isPresent()) {
            throw new InternalHiveMindException("invalid pre-shared key", problem.get());
        }
        Objects.requireNonNull(cryptoKey);
        return new PresharedKey(cryptoKey.getBytes(StandardCharsets.UTF_8), cryptoKey.length() < RECOMMENDED_MIN_CHARS);
    }

    /** Whether the key has fewer than {@value #RECOMMENDED_MIN_CHARS} characters (legacy, about 64 bits of entropy). */
    public boolean isWeak() {
        return weak;
    }

    /** Key length in bytes (16, 24 or 32). */
    public int length() {
        return key.length;
    }

    /** A new session key holding a copy of the bytes; the caller owns it. */
    public SessionKey toSessionKey() {
        if (closed) {
            throw new IllegalStateException("the pre-shared key was closed");
        }
        return SessionKey.copyOf(key);
    }

    /** Zeroes this copy of the key. Idempotent. */
    @Override
    public void close() {
        closed = true;
        Arrays.fill(key, (byte) 0);
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "PresharedKey[" + key.length + " bytes" + (weak ? ", weak" : "") + "]";
    }
}
