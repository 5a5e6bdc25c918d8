package dev.hivemind.engine.crypto;

/** Where a session's outgoing nonces come from; a fixed source in tests reproduces known-answer vectors. */
public interface NonceSource {
    /** A nonce never handed out before under this session's key. */
    byte[] next();

    /** Whether {@code nonce} is one this source handed out (a frame reflected back at us). */
    boolean isOwn(byte[] nonce);
}
