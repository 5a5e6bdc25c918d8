package dev.hivemind.auth.password;

import java.security.DigestException;
import java.security.MessageDigest;

/**
 * The portable {@link IterationEngine}: per HMAC, clones of {@code MessageDigest}s that already absorbed the key
 * blocks, so each iteration runs two SHA-256 compressions (with the JDK's intrinsic) but allocates the two clones.
 */
final class ClonedDigestEngine extends IterationEngine {
    @Override
    String name() {
        return "cloned-digests";
    }

    @Override
    Run start(byte[] ipad, byte[] opad) {
        MessageDigest inner = Pbkdf2HmacSha256.sha256();
        inner.update(ipad);
        MessageDigest outer = Pbkdf2HmacSha256.sha256();
        outer.update(opad);
        return new Run() {
            @Override
            public void iterate(byte[] u, byte[] t, int count) {
                try {
                    for (int n = 0; n < count; n++) {
                        MessageDigest in = (MessageDigest) inner.clone();
                        in.update(u, 0, Pbkdf2HmacSha256.HASH);
                        in.digest(u, 0, Pbkdf2HmacSha256.HASH);
                        MessageDigest out = (MessageDigest) outer.clone();
                        out.update(u, 0, Pbkdf2HmacSha256.HASH);
                        out.digest(u, 0, Pbkdf2HmacSha256.HASH);
                        for (int i = 0; i < Pbkdf2HmacSha256.HASH; i++) {
                            t[i] ^= u[i];
                        }
                    }
                } catch (CloneNotSupportedException | DigestException e) {
                    throw new IllegalStateException("SHA-256 digest cannot be cloned", e);
                }
            }

            @Override
            public void close() {
                inner.reset();
                outer.reset();
            }
        };
    }
}
