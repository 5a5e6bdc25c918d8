package dev.hivemind.auth.rsa;

import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The two RSA operations of the HiveMind handshake, with their parameters fixed (never provider defaults):
 * <ul>
 *   <li>RSAES-OAEP with SHA-1, MGF1-SHA-1 and an empty label (PyCryptodome's defaults, which HiveMind uses);</li>
 *   <li>RSASSA-PSS with SHA-256, MGF1-SHA-256, a 32-byte salt and trailer field 1.</li>
 * </ul>
 * Ciphertexts and signatures must be exactly the key's modulus size in bytes. One instance is bound to one JCA
 * provider object; Bouncy Castle is used by instance and never registered globally. Instances are thread-safe.
 */
public final class RsaPrimitives {
    /** OAEP as HiveMind uses it. */
    public static final OAEPParameterSpec OAEP_SHA1 = new OAEPParameterSpec("SHA-1", "MGF1", MGF1ParameterSpec.SHA1,
            PSource.PSpecified.DEFAULT);
    /** PSS as HiveMind uses it. */
    public static final PSSParameterSpec PSS_SHA256 = new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
            32, PSSParameterSpec.TRAILER_FIELD_BC);

    /**
     * The provider used for the handshake's arithmetic: the faster one in docs/benchmarks/rsa-providers.md
     * (JDK SunRsaSign/SunJCE on JDK 17, x86-64).
     */
    private static final RsaPrimitives PREFERRED = jdk();

    private final String providerName;
    private final Provider provider;
    private final String oaepTransformation;

    private RsaPrimitives(String providerName, Provider provider, String oaepTransformation) {
        this.providerName = providerName;
        this.provider = provider;
        this.oaepTransformation = oaepTransformation;
    }

    /** The implementation the handshake uses. */
    public static RsaPrimitives preferred() {
        return PREFERRED;
    }

    /** JDK providers (SunJCE for OAEP, SunRsaSign for PSS), looked up by algorithm. */
    public static RsaPrimitives jdk() {
        return new RsaPrimitives("JDK", null, "RSA/ECB/OAEPPadding");
    }

    /** Bouncy Castle, through a private provider instance that is not registered with the JCA. */
    public static RsaPrimitives bouncyCastle() {
        return new RsaPrimitives("BouncyCastle", BcHolder.PROVIDER, "RSA/NONE/OAEPPadding");
    }

    /** A short name of the provider ("JDK" or "BouncyCastle"). */
    public String providerName() {
        return providerName;
    }

    /** The modulus size of a key in bytes. */
    public static int modulusBytes(RSAKey key) {
        return (key.getModulus().bitLength() + 7) / 8;
    }

    /** OAEP-encrypts {@code plaintext} to {@code key}. */
    public byte[] oaepEncrypt(RSAPublicKey key, byte[] plaintext, SecureRandom random) throws GeneralSecurityException {
        Cipher cipher = oaepCipher();
        cipher.init(Cipher.ENCRYPT_MODE, key, OAEP_SHA1, random);
        return cipher.doFinal(plaintext);
    }

    /**
     * OAEP-decrypts {@code ciphertext}, which must be exactly the modulus size.
     *
     * @throws GeneralSecurityException for any failure: wrong length, value not below the modulus, bad padding
     */
    public byte[] oaepDecrypt(RSAPrivateKey key, byte[] ciphertext) throws GeneralSecurityException {
        if (ciphertext == null || ciphertext.length != modulusBytes(key)) {
            throw new BadPaddingException("decryption failed");
        }
        Cipher cipher = oaepCipher();
        cipher.init(Cipher.DECRYPT_MODE, key, OAEP_SHA1);
        return cipher.doFinal(ciphertext);
    }

    /** PSS-signs {@code message} (the signature covers SHA-256 of it). */
    public byte[] pssSign(RSAPrivateKey key, byte[] message, SecureRandom random) throws GeneralSecurityException {
        Signature signer = pss();
        signer.initSign(key, random);
        signer.setParameter(PSS_SHA256);
        signer.update(message);
        return signer.sign();
    }

    /**
     * Verifies a PSS signature over {@code message}. Any failure (wrong length, value not below the modulus,
     * bad encoding, wrong salt length, provider exception) is {@code false}.
     */
    public boolean pssVerify(RSAPublicKey key, byte[] message, byte[] signature) {
        if (signature == null || signature.length != modulusBytes(key)) {
            return false;
        }
        try {
            Signature verifier = pss();
            verifier.initVerify(key);
            verifier.setParameter(PSS_SHA256);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private Cipher oaepCipher() throws NoSuchAlgorithmException, NoSuchPaddingException {
        return provider == null ? Cipher.getInstance(oaepTransformation) : Cipher.getInstance(oaepTransformation, provider);
    }

    private Signature pss() throws NoSuchAlgorithmException {
        return provider == null ? Signature.getInstance("RSASSA-PSS") : Signature.getInstance("RSASSA-PSS", provider);
    }

    @Override
    public String toString() {
        return "RsaPrimitives[" + providerName + "]";
    }

    /** Lazily creates the one Bouncy Castle provider instance (its construction takes tens of milliseconds). */
    private static final class BcHolder {
        static final Provider PROVIDER = new BouncyCastleProvider();
    }
}
