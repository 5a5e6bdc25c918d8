package dev.hivemind.example.token;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The "token" method's wire rules, shared by its two halves. Both sides hold a shared secret. The satellite sends a
 * fresh nonce with an HMAC-SHA256 proof over it; the hub answers with its own nonce and a proof over both; the session
 * key is an HMAC over both nonces. Each proof and the key carry their own label, so none can stand in for another.
 */
final class TokenMac {
    static final String NAME = "token";
    static final int NONCE = 32;
    private static final int FIELD_CHARS = 4 * NONCE; // hex of nonce and MAC
    private static final HexFormat HEX = HexFormat.of();

    private TokenMac() {
    }

    /** {@code nonce ‖ mac} in lowercase hex, as the field travels. */
    static String field(byte[] nonce, byte[] mac) {
        return HEX.formatHex(nonce) + HEX.formatHex(mac);
    }

    /** Nonce and MAC from their hex concatenation, or {@code null} if the field is not that. */
    static byte[][] split(Object field) {
        if (!(field instanceof String s) || s.length() != FIELD_CHARS) {
            return null;
        }
        try {
            byte[] raw = HEX.parseHex(s);
            return new byte[][] {Arrays.copyOf(raw, NONCE), Arrays.copyOfRange(raw, NONCE, 2 * NONCE)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static byte[] mac(String secret, String label, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(label.getBytes(StandardCharsets.US_ASCII));
            for (byte[] p : parts) {
                mac.update(p);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
