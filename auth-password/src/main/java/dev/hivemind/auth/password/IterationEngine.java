package dev.hivemind.auth.password;

import java.util.Arrays;

/**
 * Runs PBKDF2's iterations U<sub>j</sub> = HMAC(P, U<sub>j-1</sub>), T ^= U<sub>j</sub>, for 32-byte U: the loop that
 * costs a password handshake its 100 000 HMACs. Two implementations give identical results:
 * {@link Sha256CompressionEngine} (preferred: the JDK's SHA-256 compression intrinsic on preallocated state, no
 * allocation per iteration; needs {@code --add-opens java.base/sun.security.provider=ALL-UNNAMED}, which
 * {@code bin/hivemind} passes) and {@link ClonedDigestEngine} (any JVM: cloned, primed {@code MessageDigest}s).
 */
abstract class IterationEngine {
    /** A known answer checked before the compression engine is trusted: RFC 7914's PBKDF2-HMAC-SHA256 vector. */
    private static final byte[] RFC7914_DK = java.util.HexFormat.of().parseHex(
            "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc");

    /** One derivation's state, zeroed by {@link #close()}. */
    interface Run extends AutoCloseable {
        /** Runs {@code count} iterations: {@code u} holds U<sub>j-1</sub> in and U<sub>j+count-1</sub> out; T ^= each U. */
        void iterate(byte[] u, byte[] t, int count);

        @Override
        void close();
    }

    /** A short name for reports. */
    abstract String name();

    /** Starts a derivation for the HMAC key blocks {@code K ^ ipad} and {@code K ^ opad} (64 bytes each). */
    abstract Run start(byte[] ipad, byte[] opad);

    /** The engine derivations use: the compression engine when this JVM allows it and it passes a known answer. */
    static IterationEngine preferred() {
        return Holder.PREFERRED;
    }

    private static final class Holder {
        static final IterationEngine PREFERRED = choose();

        private static IterationEngine choose() {
            IterationEngine fast = Sha256CompressionEngine.createOrNull();
            if (fast != null) {
                byte[] dk = Pbkdf2HmacSha256.derive(fast, "passwd".toCharArray(), "salt".getBytes(
                        java.nio.charset.StandardCharsets.US_ASCII), 1, 32);
                byte[] dk2 = Pbkdf2HmacSha256.derive(fast, "passwd".toCharArray(), "salt".getBytes(
                        java.nio.charset.StandardCharsets.US_ASCII), 3, 32);
                byte[] ref2 = Pbkdf2HmacSha256.derive(new ClonedDigestEngine(), "passwd".toCharArray(),
                        "salt".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 3, 32);
                if (Arrays.equals(dk, RFC7914_DK) && Arrays.equals(dk2, ref2)) {
                    return fast;
                }
                System.getLogger(IterationEngine.class.getName()).log(System.Logger.Level.WARNING,
                        "the JDK's SHA-256 compression gave a wrong PBKDF2 answer; using cloned digests");
            }
            return new ClonedDigestEngine();
        }
    }
}
