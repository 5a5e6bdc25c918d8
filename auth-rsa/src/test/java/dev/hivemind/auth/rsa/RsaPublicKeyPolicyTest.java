package dev.hivemind.auth.rsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hivemind.api.error.CloseCode;
import dev.hivemind.api.error.ProtocolViolationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Base64;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * T21: hostile public keys are refused by the key policy, before any RSA arithmetic, as protocol violations.
 * Small real keys (512, 1024 bits) are generated once; other shapes are built from the numbers alone.
 */
class RsaPublicKeyPolicyTest {
    private static final BigInteger F4 = RSAKeyGenParameterSpec.F4;
    /** The modulus of the vector's 2048-bit server key: a real modulus for exponent experiments. */
    private static final BigInteger N2048 = ((RSAPublicKey) RsaPem.readPrivateKey(TestKeys.serverPrivatePem())
            .getPublic()).getModulus();

    static Stream<Arguments> hostileKeys() {
        return Stream.of(
                Arguments.of("RSA 512 bits (real key)", pem(realKey(512))),
                Arguments.of("RSA 1024 bits (real key)", pem(realKey(1024))),
                Arguments.of("RSA 2047 bits", spkiPem(oddOfBits(2047), F4)),
                Arguments.of("RSA 4097 bits", spkiPem(oddOfBits(4097), F4)),
                Arguments.of("RSA 16384 bits", spkiPem(oddOfBits(16384), F4)),
                Arguments.of("even modulus", spkiPem(N2048.clearBit(0), F4)),
                Arguments.of("e = 1", spkiPem(N2048, BigInteger.ONE)),
                Arguments.of("e = 2 (even)", spkiPem(N2048, BigInteger.TWO)),
                Arguments.of("e = 65536 (even)", spkiPem(N2048, BigInteger.valueOf(65536))),
                Arguments.of("e = 2^32 + 1", spkiPem(N2048, BigInteger.ONE.shiftLeft(32).add(BigInteger.ONE))),
                Arguments.of("e = 2^64 + 1", spkiPem(N2048, BigInteger.ONE.shiftLeft(64).add(BigInteger.ONE))),
                Arguments.of("e = 0", spkiPem(N2048, BigInteger.ZERO)),
                Arguments.of("e negative", spkiPem(N2048, BigInteger.valueOf(-65537))),
                Arguments.of("modulus encoded as a negative INTEGER (no leading zero)", pem(negativeModulusSpki(N2048))),
                Arguments.of("RSAPublicKey with a third INTEGER", pem(threeIntegerSpki(N2048))),
                Arguments.of("EC P-256 key", pem(ecKey())),
                Arguments.of("RSASSA-PSS OID key (id-RSASSA-PSS)", pem(spki(PKCSObjectIdentifiers.id_RSASSA_PSS, null, N2048, F4))),
                Arguments.of("rsaEncryption with non-NULL parameters",
                        pem(spki(PKCSObjectIdentifiers.rsaEncryption, new DEROctetString(new byte[2]), N2048, F4))),
                Arguments.of("PKCS#1 RSA PUBLIC KEY block", armour("RSA PUBLIC KEY", rsaPublicKeyDer(N2048, F4))),
                Arguments.of("private key PEM", TestKeys.serverPrivatePem()),
                Arguments.of("CERTIFICATE label", armour("CERTIFICATE", RsaPem.spkiDer(N2048, F4))),
                Arguments.of("bad Base64", TestKeys.serverPublicPem().replace("MIIB", "M*IB")),
                Arguments.of("truncated DER", armour("PUBLIC KEY", java.util.Arrays.copyOf(RsaPem.spkiDer(N2048, F4), 100))),
                Arguments.of("trailing bytes after the SubjectPublicKeyInfo", armour("PUBLIC KEY", append(RsaPem.spkiDer(N2048, F4), 0))),
                Arguments.of("non-canonical DER (long-form length)", armour("PUBLIC KEY", longFormLength(RsaPem.spkiDer(N2048, F4)))),
                Arguments.of("garbage DER", armour("PUBLIC KEY", new byte[] {0x30, 0x03, 0x02, 0x01})),
                Arguments.of("two PEM blocks", TestKeys.serverPublicPem() + "\n" + TestKeys.clientPublicPem()),
                Arguments.of("PEM with headers", TestKeys.serverPublicPem().replace("-----\nMIIB", "-----\nProc-Type: 4,ENCRYPTED\n\nMIIB")),
                Arguments.of("missing END line", TestKeys.serverPublicPem().replace("-----END PUBLIC KEY-----", "")),
                Arguments.of("text before the block", "hello\n" + TestKeys.serverPublicPem()),
                Arguments.of("1 MB PEM", armour("PUBLIC KEY", new byte[768 * 1024])),
                Arguments.of("just over the 16 KiB limit", "x".repeat(RsaPublicKeyPolicy.MAX_PEM_CHARS + 1)),
                Arguments.of("empty string", ""),
                Arguments.of("null", null),
                Arguments.of("not PEM at all", "ssh-rsa AAAAB3NzaC1yc2E hivemind"));
    }

    @ParameterizedTest(name = "{0} is refused")
    @MethodSource("hostileKeys")
    void hostileKeyIsAProtocolViolation(String what, String pem) {
        ProtocolViolationException e = assertThrows(ProtocolViolationException.class, () -> RsaPublicKeyPolicy.check(pem));
        assertEquals(CloseCode.PROTOCOL_ERROR, e.closeCode());
        assertEquals(RsaPublicKeyPolicy.REASON, e.reason());
    }

    static Stream<Arguments> acceptableKeys() {
        return Stream.of(
                Arguments.of("the Python server's key (vector)", TestKeys.serverPublicPem(), 2048),
                Arguments.of("the Python client's key (vector)", TestKeys.clientPublicPem(), 2048),
                Arguments.of("e = 3", spkiPem(N2048, BigInteger.valueOf(3)), 2048),
                Arguments.of("e = 2^32 - 1", spkiPem(N2048, BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE)), 2048),
                Arguments.of("RSA 3072 bits", spkiPem(oddOfBits(3072), F4), 3072),
                Arguments.of("RSA 4096 bits", spkiPem(oddOfBits(4096), F4), 4096),
                Arguments.of("trailing newline and CRLF line ends",
                        TestKeys.serverPublicPem().replace("\n", "\r\n") + "\r\n", 2048));
    }

    @ParameterizedTest(name = "{0} is accepted")
    @MethodSource("acceptableKeys")
    void acceptableKeyPasses(String what, String pem, int bits) {
        RsaPeerKey key = RsaPublicKeyPolicy.check(pem);
        assertEquals(bits, key.modulusBits());
    }

    @Test
    void acceptedKeyIsReEncodedInThePythonWireFormat() {
        String crlf = TestKeys.serverPublicPem().replace("\n", "\r\n") + "\r\n";
        assertEquals(TestKeys.serverPublicPem(), RsaPublicKeyPolicy.check(crlf).pem());
    }

    @Test
    void fingerprintIsSha256OfTheSubjectPublicKeyInfo() {
        RsaPeerKey key = RsaPublicKeyPolicy.check(TestKeys.serverPublicPem());
        byte[] der = Base64.getMimeDecoder().decode(TestKeys.serverPublicPem()
                .replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", ""));
        assertEquals("SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(Fingerprints.sha256(der)),
                key.fingerprint());
    }

    // ---- fixtures

    private static BigInteger oddOfBits(int bits) {
        return BigInteger.ONE.shiftLeft(bits - 1).add(BigInteger.valueOf(12345)).setBit(0);
    }

    private static java.security.PublicKey realKey(int bits) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(bits);
            return g.generateKeyPair().getPublic();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.security.PublicKey ecKey() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair().getPublic();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(java.security.PublicKey key) {
        return armour("PUBLIC KEY", key.getEncoded());
    }

    private static String pem(byte[] der) {
        return armour("PUBLIC KEY", der);
    }

    private static String spkiPem(BigInteger n, BigInteger e) {
        return pem(spki(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE, n, e));
    }

    private static byte[] spki(org.bouncycastle.asn1.ASN1ObjectIdentifier oid, org.bouncycastle.asn1.ASN1Encodable params,
            BigInteger n, BigInteger e) {
        try {
            AlgorithmIdentifier alg = params == null ? new AlgorithmIdentifier(oid) : new AlgorithmIdentifier(oid, params);
            return new SubjectPublicKeyInfo(alg, new org.bouncycastle.asn1.pkcs.RSAPublicKey(n, e)).getEncoded(ASN1Encoding.DER);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static byte[] rsaPublicKeyDer(BigInteger n, BigInteger e) {
        try {
            return new org.bouncycastle.asn1.pkcs.RSAPublicKey(n, e).getEncoded(ASN1Encoding.DER);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static byte[] negativeModulusSpki(BigInteger n) {
        byte[] magnitude = n.toByteArray();
        byte[] unsigned = java.util.Arrays.copyOfRange(magnitude, 1, magnitude.length); // drop the 0x00 sign byte
        return rawSpki(new org.bouncycastle.asn1.DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
            new org.bouncycastle.asn1.ASN1Integer(unsigned), new org.bouncycastle.asn1.ASN1Integer(F4)}));
    }

    private static byte[] threeIntegerSpki(BigInteger n) {
        return rawSpki(new org.bouncycastle.asn1.DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
            new org.bouncycastle.asn1.ASN1Integer(n), new org.bouncycastle.asn1.ASN1Integer(F4),
            new org.bouncycastle.asn1.ASN1Integer(1)}));
    }

    private static byte[] rawSpki(org.bouncycastle.asn1.ASN1Encodable rsaPublicKey) {
        try {
            return new SubjectPublicKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                    rsaPublicKey).getEncoded(ASN1Encoding.DER);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** PEM armour written by hand, so that malformed content can be wrapped. */
    static String armour(String type, byte[] der) {
        String b64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + b64 + "\n-----END " + type + "-----";
    }

    private static byte[] append(byte[] der, int b) {
        byte[] out = java.util.Arrays.copyOf(der, der.length + 1);
        out[der.length] = (byte) b;
        return out;
    }

    /** Re-encodes the outer SEQUENCE length (0x82 LL LL) as 0x83 00 LL LL: valid BER, not DER. */
    private static byte[] longFormLength(byte[] der) {
        if ((der[1] & 0xff) != 0x82) {
            throw new IllegalStateException("expected a two-byte long-form length");
        }
        byte[] out = new byte[der.length + 1];
        out[0] = der[0];
        out[1] = (byte) 0x83;
        out[2] = 0;
        System.arraycopy(der, 2, out, 3, der.length - 2);
        return out;
    }
}
