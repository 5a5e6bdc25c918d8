package dev.hivemind.auth.rsa;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * PEM reading and writing with Bouncy Castle, in the formats HiveMind uses: public keys as SubjectPublicKeyInfo
 * ({@code -----BEGIN PUBLIC KEY-----}), private keys as PKCS#1 ({@code -----BEGIN RSA PRIVATE KEY-----}, the
 * format of HiveMind's {@code HiveMindComs.pem}) or PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}). Output uses
 * 64-character lines and {@code \n}, without a trailing newline, exactly as PyCryptodome's {@code export_key()}.
 *
 * <p>Peer-supplied public keys are read with {@link RsaPublicKeyPolicy#check(String)}, never here.
 */
public final class RsaPem {
    /** Largest private key file read (a 4096-bit PKCS#8 PEM is about 3.3 KB). */
    static final int MAX_PRIVATE_KEY_FILE_BYTES = 64 * 1024;

    private RsaPem() {
    }

    /** SubjectPublicKeyInfo PEM of {@code key}. */
    public static String publicKeyPem(RSAPublicKey key) {
        return publicKeyPem(spkiDer(key.getModulus(), key.getPublicExponent()));
    }

    /** SubjectPublicKeyInfo PEM of a DER SubjectPublicKeyInfo. */
    public static String publicKeyPem(byte[] spkiDer) {
        return write(new PemObject("PUBLIC KEY", spkiDer));
    }

    /** PKCS#1 PEM ({@code RSA PRIVATE KEY}) of {@code key}, as HiveMind writes {@code HiveMindComs.pem}. */
    public static String pkcs1PrivateKeyPem(RSAPrivateCrtKey key) {
        return write(key);
    }

    /** PKCS#8 PEM ({@code PRIVATE KEY}, unencrypted) of {@code key}. */
    public static String pkcs8PrivateKeyPem(RSAPrivateCrtKey key) {
        try {
            return write(new JcaPKCS8Generator(key, null).generate());
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a PKCS#8 private key", e);
        }
    }

    /**
     * Reads an RSA private key in PKCS#1 or PKCS#8 PEM and derives its public key.
     *
     * @throws IllegalArgumentException if the text holds no unencrypted RSA private key (the message never quotes it)
     */
    public static KeyPair readPrivateKey(String pem) {
        Object parsed;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            parsed = parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("malformed PEM private key");
        }
        PrivateKeyInfo info;
        if (parsed instanceof PEMKeyPair pair) {
            info = pair.getPrivateKeyInfo();
        } else if (parsed instanceof PrivateKeyInfo pki) {
            info = pki;
        } else if (parsed instanceof PEMEncryptedKeyPair || parsed instanceof PKCS8EncryptedPrivateKeyInfo) {
            throw new IllegalArgumentException("encrypted private keys are not supported");
        } else {
            throw new IllegalArgumentException("no RSA PRIVATE KEY or PRIVATE KEY block found");
        }
        if (info == null || !PKCSObjectIdentifiers.rsaEncryption.equals(info.getPrivateKeyAlgorithm().getAlgorithm())) {
            throw new IllegalArgumentException("the private key is not an RSA key");
        }
        try {
            PrivateKey key = new JcaPEMKeyConverter().getPrivateKey(info);
            if (!(key instanceof RSAPrivateCrtKey crt)) {
                throw new IllegalArgumentException("the RSA private key lacks its CRT parameters and public exponent");
            }
            RSAPublicKey pub = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            return new KeyPair(pub, crt);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalArgumentException("malformed RSA private key");
        }
    }

    /** Reads a private key file (at most {@value #MAX_PRIVATE_KEY_FILE_BYTES} bytes). */
    static KeyPair readPrivateKey(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_PRIVATE_KEY_FILE_BYTES) {
            throw new IllegalArgumentException("file is larger than " + MAX_PRIVATE_KEY_FILE_BYTES + " bytes");
        }
        return readPrivateKey(new String(Files.readAllBytes(file), StandardCharsets.US_ASCII));
    }

    /** DER SubjectPublicKeyInfo of an RSA key: rsaEncryption with NULL parameters, as every HiveMind peer writes it. */
    static byte[] spkiDer(BigInteger modulus, BigInteger exponent) {
        try {
            return new SubjectPublicKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                    new org.bouncycastle.asn1.pkcs.RSAPublicKey(modulus, exponent)).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode an RSA SubjectPublicKeyInfo", e);
        }
    }

    private static String write(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write PEM", e);
        }
        // BC ends lines with the platform separator; PyCryptodome writes \n and no final newline
        return out.toString().replace("\r\n", "\n").stripTrailing();
    }
}
