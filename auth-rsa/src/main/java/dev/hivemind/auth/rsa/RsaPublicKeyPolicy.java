package dev.hivemind.auth.rsa;

import dev.hivemind.api.error.ProtocolViolationException;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/**
 * The policy every peer-supplied RSA public key passes <em>before</em> any RSA arithmetic (SECURITY.md W12,
 * T21). In order, cheapest first:
 * <ol>
 *   <li>the PEM text is at most {@value #MAX_PEM_CHARS} characters;</li>
 *   <li>it is exactly one {@code -----BEGIN PUBLIC KEY-----} block (SubjectPublicKeyInfo) and nothing else;</li>
 *   <li>the DER is canonical, the algorithm is {@code rsaEncryption} (parameters absent or NULL);</li>
 *   <li>the key is an RSAPublicKey of exactly two INTEGERs, in canonical DER;</li>
 *   <li>the modulus is positive, odd and {@value #MIN_MODULUS_BITS}–{@value #MAX_MODULUS_BITS} bits long;</li>
 *   <li>the public exponent is odd with 3 ≤ e &lt; 2<sup>32</sup> (65537 is the normal value).</li>
 * </ol>
 * A violation is a {@link ProtocolViolationException} (close 1002, C-PROTO) whose local detail names the rule.
 */
public final class RsaPublicKeyPolicy {
    /** Longest PEM text accepted; a 4096-bit SubjectPublicKeyInfo PEM is about 800 characters. */
    public static final int MAX_PEM_CHARS = 16 * 1024;
    /** Smallest modulus accepted, in bits. */
    public static final int MIN_MODULUS_BITS = 2048;
    /** Largest modulus accepted, in bits. */
    public static final int MAX_MODULUS_BITS = 4096;

    static final String REASON = "unacceptable RSA public key";

    private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String END = "-----END PUBLIC KEY-----";
    private static final BigInteger THREE = BigInteger.valueOf(3);
    private static final BigInteger TWO_POW_32 = BigInteger.ONE.shiftLeft(32);

    private RsaPublicKeyPolicy() {
    }

    /**
     * Checks a peer-supplied public key PEM and returns the accepted key.
     *
     * @throws ProtocolViolationException naming the violated rule (never quoting the input)
     */
    public static RsaPeerKey check(String pem) {
        if (pem == null || pem.isEmpty()) {
            throw violation("no public key given");
        }
        if (pem.length() > MAX_PEM_CHARS) {
            throw violation("public key PEM longer than " + MAX_PEM_CHARS + " characters");
        }
        String text = pem.strip();
        if (!text.startsWith(BEGIN) || !text.endsWith(END)) {
            throw violation("not a single PEM block of type PUBLIC KEY (SubjectPublicKeyInfo)");
        }
        byte[] der = readSinglePemBlock(text);
        SubjectPublicKeyInfo spki = parseSpki(der);
        AlgorithmIdentifier alg = spki.getAlgorithm();
        if (!PKCSObjectIdentifiers.rsaEncryption.equals(alg.getAlgorithm())) {
            throw violation("not an RSA key (algorithm " + alg.getAlgorithm().getId() + ")");
        }
        if (alg.getParameters() != null && !DERNull.INSTANCE.equals(alg.getParameters())) {
            throw violation("rsaEncryption key with unexpected algorithm parameters");
        }
        BigInteger[] ne = parseRsaPublicKey(spki);
        return accept(ne[0], ne[1], der);
    }

    /** Checks modulus and exponent (rules 4 and 5) of a key this node already holds (its own identity). */
    static RsaPeerKey checkOwn(RSAPublicKey key) {
        byte[] der = RsaPem.spkiDer(key.getModulus(), key.getPublicExponent());
        return accept(key.getModulus(), key.getPublicExponent(), der);
    }

    private static RsaPeerKey accept(BigInteger n, BigInteger e, byte[] der) {
        if (n.signum() <= 0 || !n.testBit(0)) {
            throw violation("RSA modulus is not a positive odd number");
        }
        int bits = n.bitLength();
        if (bits < MIN_MODULUS_BITS || bits > MAX_MODULUS_BITS) {
            throw violation("RSA modulus of " + bits + " bits (allowed: " + MIN_MODULUS_BITS + " to "
                    + MAX_MODULUS_BITS + ")");
        }
        if (!e.testBit(0) || e.compareTo(THREE) < 0 || e.compareTo(TWO_POW_32) >= 0) {
            throw violation("RSA public exponent not odd with 3 <= e < 2^32");
        }
        try {
            RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
            return new RsaPeerKey(key, der);
        } catch (GeneralSecurityException | ClassCastException ex) {
            throw violation("RSA key refused by the JDK key factory");
        }
    }

    private static byte[] readSinglePemBlock(String text) {
        try (PemReader reader = new PemReader(new StringReader(text))) {
            PemObject first = reader.readPemObject();
            if (first == null || !"PUBLIC KEY".equals(first.getType())) {
                throw violation("not a single PEM block of type PUBLIC KEY (SubjectPublicKeyInfo)");
            }
            if (!first.getHeaders().isEmpty()) {
                throw violation("PEM block with headers (encrypted or annotated keys are not accepted)");
            }
            if (reader.readPemObject() != null) {
                throw violation("more than one PEM block");
            }
            return first.getContent();
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProtocolViolationException pve) {
                throw pve;
            }
            throw violation("malformed PEM (bad armour or Base64)");
        }
    }

    private static SubjectPublicKeyInfo parseSpki(byte[] der) {
        SubjectPublicKeyInfo spki;
        try {
            spki = SubjectPublicKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
        } catch (IOException | RuntimeException e) {
            throw violation("malformed SubjectPublicKeyInfo DER");
        }
        try {
            if (spki == null || !Arrays.equals(spki.getEncoded(ASN1Encoding.DER), der)) {
                throw violation("SubjectPublicKeyInfo is not in canonical DER");
            }
        } catch (IOException e) {
            throw violation("malformed SubjectPublicKeyInfo DER");
        }
        return spki;
    }

    /**
     * Reads RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER } from the key's bit string,
     * strictly: canonical DER, no unused bits, exactly two INTEGERs, read as signed values (Bouncy Castle's
     * {@code RSAPublicKey} would read a negative INTEGER as its unsigned magnitude).
     */
    private static BigInteger[] parseRsaPublicKey(SubjectPublicKeyInfo spki) {
        try {
            if (spki.getPublicKeyData().getPadBits() != 0) {
                throw violation("RSAPublicKey bit string with unused bits");
            }
            byte[] inner = spki.getPublicKeyData().getOctets();
            ASN1Primitive p = ASN1Primitive.fromByteArray(inner);
            if (!(p instanceof ASN1Sequence seq) || seq.size() != 2
                    || !(seq.getObjectAt(0) instanceof ASN1Integer n) || !(seq.getObjectAt(1) instanceof ASN1Integer e)
                    || !Arrays.equals(seq.getEncoded(ASN1Encoding.DER), inner)) {
                throw violation("malformed RSAPublicKey structure");
            }
            return new BigInteger[] {n.getValue(), e.getValue()};
        } catch (IOException | RuntimeException ex) {
            if (ex instanceof ProtocolViolationException pve) {
                throw pve;
            }
            throw violation("malformed RSAPublicKey structure");
        }
    }

    private static ProtocolViolationException violation(String detail) {
        return new ProtocolViolationException(REASON, detail);
    }
}
