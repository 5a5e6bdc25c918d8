package dev.hivemind.engine.hub.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** HELLO keys: RSA SubjectPublicKeyInfo PEM within the size bound and with an ordinary public exponent. */
class PublicKeysTest {
    private static final BigInteger MODULUS = BigInteger.probablePrime(1024, new Random(7))
            .multiply(BigInteger.probablePrime(1024, new Random(8)));

    private static String pem(BigInteger modulus, BigInteger exponent) throws Exception {
        byte[] der = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent)).getEncoded();
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END PUBLIC KEY-----\n";
    }

    @Test
    void ordinaryExponentsAreAccepted() throws Exception {
        for (long e : new long[] {3, 65_537, (1L << 32) - 1}) {
            assertTrue(PublicKeys.parse(pem(MODULUS, BigInteger.valueOf(e))).isPresent(), "e = " + e);
        }
    }

    @Test
    void hugeOrEvenExponentsAreRefused() throws Exception {
        for (BigInteger e : new BigInteger[] {BigInteger.valueOf(65_536),
                BigInteger.ONE.shiftLeft(32).add(BigInteger.ONE), BigInteger.ONE.shiftLeft(1999).setBit(0)}) {
            assertEquals(java.util.Optional.empty(), PublicKeys.parse(pem(MODULUS, e)), "e of " + e.bitLength()
                    + " bits");
        }
    }

    @Test
    void garbageAndOversizedKeysAreRefused() throws Exception {
        assertTrue(PublicKeys.parse("-----BEGIN PUBLIC KEY-----\nnot base64!\n-----END PUBLIC KEY-----").isEmpty());
        assertTrue(PublicKeys.parse("").isEmpty());
        BigInteger huge = BigInteger.ONE.shiftLeft(PublicKeys.MAX_BITS + 8).add(BigInteger.ONE);
        assertTrue(PublicKeys.parse(pem(huge, BigInteger.valueOf(65_537))).isEmpty());
    }
}
