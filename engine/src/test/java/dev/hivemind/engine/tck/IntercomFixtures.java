package dev.hivemind.engine.tck;

import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.JsonValues;
import dev.hivemind.api.wire.MessageType;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import javax.crypto.Cipher;

/** INTERCOM messages as a Python satellite makes them (HIVEMIND-WIRE.md §9): RSA-OAEP to the target, PSS-signed. */
public final class IntercomFixtures {
    private IntercomFixtures() {
    }

    /** A fresh RSA-2048 key pair. */
    public static KeyPair keyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The PEM (SubjectPublicKeyInfo) a satellite announces in HELLO. */
    public static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----";
    }

    /** An INTERCOM of {@code text} for {@code target}, signed by {@code sender}, addressed by public key. */
    public static HiveMessage intercom(PublicKey target, PrivateKey sender, String text) {
        try {
            Cipher oaep = Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
            oaep.init(Cipher.ENCRYPT_MODE, target);
            byte[] ciphertext = oaep.doFinal(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            Signature pss = Signature.getInstance("RSASSA-PSS");
            pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            pss.initSign(sender);
            pss.update(ciphertext);
            byte[] signature = pss.sign();
            return HiveMessage.builder(MessageType.INTERCOM)
                    .payload(JsonValues.object("ciphertext", Base64.getEncoder().encodeToString(ciphertext),
                            "signature", Base64.getEncoder().encodeToString(signature)))
                    .targetPubkey(pem(target)).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
