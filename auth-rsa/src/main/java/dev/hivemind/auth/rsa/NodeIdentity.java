package dev.hivemind.auth.rsa;

import dev.hivemind.api.error.ProtocolViolationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's RSA key pair: the private key that signs server envelopes and decrypts client envelopes, and
 * its public key, announced in HELLO. It is generated once and stored as a PKCS#1 PEM file
 * ({@code HiveMindComs.pem}, mode 0600, written atomically), then loaded once at start-up and shared by all
 * connections. Its public key obeys {@link RsaPublicKeyPolicy} like any peer's.
 */
public final class NodeIdentity {
    /** Key sizes this module generates. */
    public static final List<Integer> GENERATED_KEY_BITS = List.of(2048, 3072, 4096);
    /** The default size of a generated key. */
    public static final int DEFAULT_KEY_BITS = 2048;

    private static final Logger LOG = LoggerFactory.getLogger(NodeIdentity.class);

    private final RSAPrivateCrtKey privateKey;
    private final RsaPeerKey publicKey;

    private NodeIdentity(RSAPrivateCrtKey privateKey, RsaPeerKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /**
     * An identity from a key pair.
     *
     * @throws IllegalArgumentException if the key pair breaks the key policy (size or exponent) or does not match
     */
    public static NodeIdentity of(KeyPair pair) {
        if (!(pair.getPrivate() instanceof RSAPrivateCrtKey priv) || !(pair.getPublic() instanceof RSAPublicKey pub)) {
            throw new IllegalArgumentException("an RSA identity needs an RSA private key with CRT parameters");
        }
        if (!priv.getModulus().equals(pub.getModulus()) || !priv.getPublicExponent().equals(pub.getPublicExponent())) {
            throw new IllegalArgumentException("the RSA private and public keys do not belong together");
        }
        try {
            return new NodeIdentity(priv, RsaPublicKeyPolicy.checkOwn(pub));
        } catch (ProtocolViolationException e) {
            throw new IllegalArgumentException("the RSA identity key is not acceptable: " + e.getMessage());
        }
    }

    /**
     * Generates a new identity.
     *
     * @throws IllegalArgumentException if {@code bits} is not one of {@link #GENERATED_KEY_BITS}
     */
    public static NodeIdentity generate(int bits, SecureRandom random) {
        if (!GENERATED_KEY_BITS.contains(bits)) {
            throw new IllegalArgumentException("RSA key size must be one of " + GENERATED_KEY_BITS + ", not " + bits);
        }
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(new RSAKeyGenParameterSpec(bits, RSAKeyGenParameterSpec.F4), random);
            return of(gen.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an RSA key pair", e);
        }
    }

    /**
     * Loads the identity from {@code file} (PKCS#1 or PKCS#8 PEM).
     *
     * @throws IllegalStateException naming the file if it cannot be read or holds no acceptable RSA key
     */
    public static NodeIdentity load(Path file) {
        try {
            return of(RsaPem.readPrivateKey(file));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the RSA identity file " + file + ": " + e, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the RSA identity file " + file + " is unusable: " + e.getMessage());
        }
    }

    /**
     * Loads the identity from {@code file}; if the file does not exist and {@code generate} is set, generates a
     * {@code bits}-bit key and writes it there first (never replacing a file that appeared meanwhile).
     *
     * @return the identity, or {@code null} if the file is absent and generation is off
     */
    public static NodeIdentity loadOrGenerate(Path file, int bits, boolean generate, SecureRandom random) {
        if (Files.exists(file)) {
            return load(file);
        }
        if (!generate) {
            return null;
        }
        NodeIdentity created = generate(bits, random);
        try {
            created.save(file);
            LOG.info("generated a {}-bit RSA identity {} in {}", bits,
                    created.publicKey.fingerprint(), file);
            return created;
        } catch (FileAlreadyExistsException e) {
            return load(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the RSA identity file " + file + ": " + e, e);
        }
    }

    /**
     * Writes the private key as PKCS#1 PEM to a new file, atomically, mode 0600.
     *
     * @throws FileAlreadyExistsException if {@code file} exists (an identity is never overwritten)
     */
    public void save(Path file) throws IOException {
        byte[] pem = (RsaPem.pkcs1PrivateKeyPem(privateKey) + "\n").getBytes(StandardCharsets.US_ASCII);
        try {
            AtomicFiles.createNew(file, pem);
        } finally {
            Arrays.fill(pem, (byte) 0);
        }
    }

    /** The private key (shared; never serialised by this module except in {@link #save}). */
    public RSAPrivateCrtKey privateKey() {
        return privateKey;
    }

    /** The public key, policy-checked. */
    public RsaPeerKey publicKey() {
        return publicKey;
    }

    /** The public key as SubjectPublicKeyInfo PEM, as announced in HELLO. */
    public String publicKeyPem() {
        return publicKey.pem();
    }

    @Override
    public String toString() {
        return "NodeIdentity[" + publicKey.modulusBits() + " bits, " + publicKey.fingerprint() + "]";
    }
}
