package dev.hivemind.auth.password;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;

/**
 * PBKDF2-HMAC-SHA256 (RFC 8018 §5.2) with the HMAC's inner and outer states computed once per derivation: each
 * iteration is then two SHA-256 compressions (the JDK's {@code PBKDF2WithHmacSHA256} runs four, re-absorbing the
 * padded key twice per HMAC). The iterations run in an {@link IterationEngine}: the JDK's own SHA-256 compression
 * function (its CPU intrinsic) on preallocated state when the JVM opens {@code sun.security.provider} to us, else
 * cloned, primed {@link MessageDigest}s. Output is identical to the JDK's for every input, the password taken as
 * UTF-8 (as the JDK and Python's {@code str.encode()} take it).
 */
public final class Pbkdf2HmacSha256 {
    static final int BLOCK = 64;
    static final int HASH = 32;

    private Pbkdf2HmacSha256() {
    }

    /** Which iteration engine derivations use in this JVM ({@code "sha256-compression"} or {@code "cloned-digests"}). */
    public static String engineName() {
        return IterationEngine.preferred().name();
    }

    /**
     * Derives {@code keyBytes} bytes from {@code password} (UTF-8) and {@code salt}; the caller owns the result.
     *
     * @throws IllegalArgumentException for a non-positive iteration count or key length
     */
    public static byte[] derive(char[] password, byte[] salt, int iterations, int keyBytes) {
        return derive(IterationEngine.preferred(), password, salt, iterations, keyBytes);
    }

    static byte[] derive(IterationEngine engine, char[] password, byte[] salt, int iterations, int keyBytes) {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(salt, "salt");
        if (iterations < 1 || keyBytes < 1) {
            throw new IllegalArgumentException("iterations and key length must be positive");
        }
        byte[] pw = utf8(password);
        byte[] ipad = new byte[BLOCK];
        byte[] opad = new byte[BLOCK];
        byte[] u = new byte[HASH];
        byte[] t = new byte[HASH];
        try {
            MessageDigest sha = sha256();
            byte[] k = pw.length > BLOCK ? sha.digest(pw) : pw;
            for (int i = 0; i < BLOCK; i++) {
                byte b = i < k.length ? k[i] : 0;
                ipad[i] = (byte) (b ^ 0x36);
                opad[i] = (byte) (b ^ 0x5c);
            }
            if (k != pw) {
                Arrays.fill(k, (byte) 0);
            }
            MessageDigest inner = sha256();
            inner.update(ipad);
            MessageDigest outer = sha256();
            outer.update(opad);
            byte[] out = new byte[keyBytes];
            try (IterationEngine.Run run = engine.start(ipad, opad)) {
                for (int block = 1, done = 0; done < keyBytes; block++, done += HASH) {
                    firstIteration(inner, outer, salt, block, u);
                    System.arraycopy(u, 0, t, 0, HASH);
                    run.iterate(u, t, iterations - 1);
                    System.arraycopy(t, 0, out, done, Math.min(HASH, keyBytes - done));
                }
            }
            return out;
        } finally {
            Arrays.fill(pw, (byte) 0);
            Arrays.fill(ipad, (byte) 0);
            Arrays.fill(opad, (byte) 0);
            Arrays.fill(u, (byte) 0);
            Arrays.fill(t, (byte) 0);
        }
    }

    /** U1 = HMAC(password, salt || INT(block)), from the primed digests. */
    private static void firstIteration(MessageDigest inner, MessageDigest outer, byte[] salt, int block, byte[] u) {
        try {
            MessageDigest in = (MessageDigest) inner.clone();
            in.update(salt);
            in.update(new byte[] {(byte) (block >>> 24), (byte) (block >>> 16), (byte) (block >>> 8), (byte) block});
            in.digest(u, 0, HASH);
            MessageDigest out = (MessageDigest) outer.clone();
            out.update(u);
            out.digest(u, 0, HASH);
        } catch (CloneNotSupportedException | java.security.DigestException e) {
            throw new IllegalStateException("SHA-256 digest cannot be cloned", e);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }

    private static byte[] utf8(char[] password) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return bytes;
    }
}
