package dev.hivemind.auth.password;

import dev.hivemind.api.error.AuthenticationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One party's side of the password handshake on one connection: the password and this side's IV. Mirrors
 * poorman_handshake's {@code PasswordHandShake}, but verifying is never optional and never fails open.
 * Not thread-safe (a connection's handshake runs on one thread); {@link #close()} zeroes what it holds.
 *
 * <p>Typical use: the client {@linkplain #createEnvelope creates} its envelope, then
 * {@linkplain #verifyPeer verifies} the server's; the server verifies the client's first and only then creates its
 * own. Either side then derives the key with {@link #keyDerivation}.
 */
public final class PasswordHandshake implements AutoCloseable {
    private final byte[] password;
    private final char[] passwordChars;
    private byte[] ownIv;
    private String ownEnvelope;
    private boolean closed;

    /**
     * @param password the shared password (not empty)
     */
    public PasswordHandshake(String password) {
        Objects.requireNonNull(password, "password");
        if (password.isEmpty()) {
            throw new IllegalArgumentException("the password must not be empty");
        }
        this.password = password.getBytes(StandardCharsets.UTF_8);
        this.passwordChars = password.toCharArray();
    }

    /**
     * Draws this side's IV and returns its envelope ({@value HsubCodec#GENERATED_HEX_CHARS} lowercase hex
     * characters), the value of the {@code envelope} field.
     *
     * @throws IllegalStateException if an envelope was already created or the handshake is closed
     */
    public String createEnvelope(SecureRandom random) {
        ensureOpen();
        if (ownIv != null) {
            throw new IllegalStateException("this side's envelope was already created");
        }
        byte[] iv = new byte[HsubCodec.IV_BYTES];
        random.nextBytes(iv);
        ownIv = iv;
        ownEnvelope = HsubCodec.toHex(HsubCodec.create(password, iv, HsubCodec.GENERATED_HEX_CHARS));
        return ownEnvelope;
    }

    /** This side's envelope, or {@code null} before {@link #createEnvelope}. */
    public String ownEnvelope() {
        return ownEnvelope;
    }

    /**
     * Checks a peer's envelope: strict format, no reflection of our own envelope or IV (once we have one), and a
     * constant-time match against the password.
     *
     * @param envelope the raw {@code envelope} field value from the peer's HANDSHAKE
     * @return the peer's IV
     * @throws dev.hivemind.api.error.ProtocolViolationException if the envelope is malformed
     * @throws AuthenticationException                           if it is reflected or made with another password
     */
    public byte[] verifyPeer(Object envelope) {
        ensureOpen();
        byte[] peer = HsubCodec.parse(envelope);
        byte[] peerIv = HsubCodec.iv(peer);
        if (ownIv != null && (MessageDigest.isEqual(peerIv, ownIv) || envelope.equals(ownEnvelope))) {
            throw reflected();
        }
        if (!HsubCodec.matches(password, peer)) {
            throw new AuthenticationException("the peer's password envelope does not match the password");
        }
        return peerIv;
    }

    /**
     * A one-shot task that derives the session key from the password and the salt (own IV XOR {@code peerIv}). The
     * task works on its own copies of the password and salt and zeroes them when it ends, so it may run on another
     * thread and outlive {@link #close()}. The caller owns the returned key bytes.
     *
     * @throws IllegalStateException   if this side has no envelope yet or the handshake is closed
     * @throws AuthenticationException if the peer's IV equals ours (the salt would be all zeros)
     */
    public Supplier<byte[]> keyDerivation(byte[] peerIv) {
        ensureOpen();
        if (ownIv == null) {
            throw new IllegalStateException("this side's envelope must be created before deriving the key");
        }
        if (MessageDigest.isEqual(peerIv, ownIv)) {
            throw reflected();
        }
        byte[] salt = HsubCodec.salt(ownIv, peerIv);
        char[] chars = passwordChars.clone();
        return new Supplier<>() {
            private boolean used;

            @Override
            public synchronized byte[] get() {
                if (used) {
                    throw new IllegalStateException("the key derivation task runs once");
                }
                used = true;
                try {
                    return PasswordKdf.derive(chars, salt);
                } finally {
                    Arrays.fill(chars, '\0');
                    Arrays.fill(salt, (byte) 0);
                }
            }
        };
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /** Zeroes the password copies and the IV. Idempotent. */
    @Override
    public void close() {
        closed = true;
        Arrays.fill(password, (byte) 0);
        Arrays.fill(passwordChars, '\0');
        if (ownIv != null) {
            Arrays.fill(ownIv, (byte) 0);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the password handshake is closed");
        }
    }

    private static AuthenticationException reflected() {
        return new AuthenticationException("reflected password envelope: the peer's IV equals ours");
    }
}
