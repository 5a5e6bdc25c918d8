package dev.hivemind.engine.testplugin;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The test-only {@code token} method's wire rules, shared by its two halves: a shared secret proven with
 * HMAC-SHA256 over fresh 32-byte nonces from both sides. The client sends {@code nonce1 ‖ HMAC(secret, nonce1)}, the
 * hub answers {@code nonce2 ‖ HMAC(secret, nonce1 ‖ nonce2)}; the session key is {@code HMAC(secret, "key" ‖ nonce1
 * ‖ nonce2)}.
 */
final class TokenProof {
    /** The method's name, selector field and offer flag. */
    static final String NAME = "token";
    static final int NONCE_BYTES = 32;
    private static final HexFormat HEX = HexFormat.of();

    private TokenProof() {
    }

    static byte[] hmac(String secret, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            for (byte[] p : parts) {
                mac.update(p);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sessionKey(String secret, byte[] clientNonce, byte[] hubNonce) {
        return hmac(secret, "key".getBytes(StandardCharsets.UTF_8), clientNonce, hubNonce);
    }

    /** {@code nonce ‖ mac} as the field travels: lowercase hex. */
    static String field(byte[] nonce, byte[] mac) {
        return HEX.formatHex(nonce) + HEX.formatHex(mac);
    }

    /** A field split into nonce and MAC, or empty if it is not 128 hex characters. */
    static Optional<byte[][]> split(Object field) {
        if (!(field instanceof String s) || s.length() != 4 * NONCE_BYTES) {
            return Optional.empty();
        }
        try {
            byte[] raw = HEX.parseHex(s);
            return Optional.of(new byte[][] {java.util.Arrays.copyOf(raw, NONCE_BYTES),
                    java.util.Arrays.copyOfRange(raw, NONCE_BYTES, 2 * NONCE_BYTES)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
