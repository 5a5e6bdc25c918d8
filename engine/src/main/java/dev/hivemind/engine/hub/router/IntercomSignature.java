package dev.hivemind.engine.hub.router;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import java.util.Map;

/**
 * The signature of an INTERCOM payload {@code {"ciphertext": B64, "signature": B64}} (HIVEMIND-WIRE.md §9):
 * RSASSA-PSS with SHA-256, MGF1-SHA-256 and a 32-byte salt, by the sender's key, over the raw ciphertext bytes.
 * hivemind-core never checks it; this hub does, with the key the sender announced in its HELLO.
 */
public final class IntercomSignature {
    private static final PSSParameterSpec PSS = new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32,
            PSSParameterSpec.TRAILER_FIELD_BC);

    private IntercomSignature() {
    }

    /** Whether the payload has both fields as base64 text. */
    public static boolean wellFormed(Map<String, Object> payload) {
        return decode(payload.get("ciphertext")) != null && decode(payload.get("signature")) != null;
    }

    /** Whether {@code key} signed the payload's ciphertext. Any malformed input is simply not verified. */
    public static boolean verify(PublicKey key, Map<String, Object> payload) {
        byte[] ciphertext = decode(payload.get("ciphertext"));
        byte[] signature = decode(payload.get("signature"));
        if (key == null || ciphertext == null || signature == null) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("RSASSA-PSS");
            verifier.setParameter(PSS);
            verifier.initVerify(key);
            verifier.update(ciphertext);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static byte[] decode(Object value) {
        if (!(value instanceof String s) || s.isEmpty()) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
