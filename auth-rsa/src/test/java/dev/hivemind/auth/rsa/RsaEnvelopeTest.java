package dev.hivemind.auth.rsa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hivemind.api.error.AuthenticationException;
import dev.hivemind.api.error.CloseCode;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * T19 and T20: every way an envelope can be wrong ends in the same {@link AuthenticationException}: same type,
 * same message, same reason, no cause. Malicious ciphertexts are signed with the real server key, so they pass
 * the signature check and reach decryption (the worst case: a compromised or malicious server).
 */
class RsaEnvelopeTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final NodeIdentity SERVER = TestKeys.server();
    private static final NodeIdentity CLIENT = TestKeys.client();
    private static final RsaPeerKey SERVER_KEY = RsaPublicKeyPolicy.check(TestKeys.serverPublicPem());
    private static final RsaPeerKey CLIENT_KEY = RsaPublicKeyPolicy.check(TestKeys.clientPublicPem());
    private static final RsaEnvelope ENVELOPES = new RsaEnvelope(RsaPrimitives.preferred());
    private static final byte[] SECRET = filled(32, 0x5a);
    private static final String GOOD = seal(SECRET);

    @Test
    void goodEnvelopeOpensToTheSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        assertArrayEquals(secret, ENVELOPES.open(SERVER_KEY, CLIENT, seal(secret)));
    }

    static Stream<Arguments> badEnvelopes() {
        String sig = GOOD.substring(0, 512);
        String ct = GOOD.substring(512);
        return Stream.of(
                // shape (T15-like, before any arithmetic)
                bad("null envelope", () -> null),
                bad("a number instead of a string", () -> 42),
                bad("empty", () -> ""),
                bad("one hex digit short", () -> GOOD.substring(1)),
                bad("one hex digit long", () -> GOOD + "0"),
                bad("uppercase hex", GOOD::toUpperCase),
                bad("non-hex character", () -> "g" + GOOD.substring(1)),
                bad("whitespace inside", () -> GOOD.substring(0, 100) + " " + GOOD.substring(101)),
                // signature (T19)
                bad("signature bit flip, first byte", () -> flip(GOOD, 0)),
                bad("signature bit flip, middle", () -> flip(GOOD, 128)),
                bad("signature bit flip, last byte", () -> flip(GOOD, 255)),
                bad("signature of 255 bytes", () -> sig.substring(2) + ct),
                bad("signature of 257 bytes", () -> "00" + sig + ct),
                bad("signature over a different ciphertext", () -> sig + seal(SECRET).substring(512)),
                bad("PKCS#1 v1.5 signature instead of PSS", () -> hex(signWith("SHA256withRSA", null, hexBytes(ct))) + ct),
                bad("PSS with salt 0", () -> hex(signPss(0, "SHA-256", hexBytes(ct))) + ct),
                bad("PSS with salt 20", () -> hex(signPss(20, "SHA-256", hexBytes(ct))) + ct),
                bad("PSS with SHA-1", () -> hex(signPss(20, "SHA-1", hexBytes(ct))) + ct),
                bad("signature by the client's key", () -> hex(signWithKey(CLIENT, hexBytes(ct))) + ct),
                bad("signature value >= modulus", () -> hex(modulusPlus(SERVER_KEY.publicKey(), 1)) + ct),
                // ciphertext (T20): the signature is valid, so these reach OAEP decryption
                bad("ciphertext bit flip (signature then fails)", () -> flip(GOOD, 256 + 17)),
                bad("random ciphertext, validly signed (bad OAEP padding)", () -> signed(randomBelowModulus())),
                bad("ciphertext >= modulus, validly signed", () -> signed(modulusPlus(CLIENT_KEY.publicKey(), 5))),
                bad("all-zero ciphertext, validly signed", () -> signed(new byte[256])),
                bad("valid OAEP block holding 31 bytes", () -> signed(oaep(new byte[31], "SHA-1", MGF1ParameterSpec.SHA1))),
                bad("valid OAEP block holding 33 bytes", () -> signed(oaep(new byte[33], "SHA-1", MGF1ParameterSpec.SHA1))),
                bad("valid OAEP block holding 0 bytes", () -> signed(oaep(new byte[0], "SHA-1", MGF1ParameterSpec.SHA1))),
                bad("OAEP-SHA-256 ciphertext", () -> signed(oaep(new byte[32], "SHA-256", MGF1ParameterSpec.SHA256))),
                bad("OAEP with a label", () -> signed(oaepLabel(new byte[32]))),
                bad("ciphertext for another key (the server's)", () -> signed(oaepTo(SERVER_KEY.publicKey(), new byte[32]))));
    }

    @ParameterizedTest(name = "{0}: the one generic failure")
    @MethodSource("badEnvelopes")
    void everyFailureIsTheSameAuthenticationException(String what, Supplier<Object> envelope) {
        Object value = envelope.get();
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> ENVELOPES.open(SERVER_KEY, CLIENT, value));
        assertSame(AuthenticationException.class, e.getClass());
        assertEquals(RsaEnvelope.FAILURE_DETAIL, e.getMessage());
        assertEquals(AuthenticationException.REASON, e.reason());
        assertEquals(CloseCode.POLICY_VIOLATION, e.closeCode());
        assertNull(e.getCause());
    }

    @Test
    void sealRefusesASecretOfTheWrongSize() {
        assertThrows(IllegalArgumentException.class, () -> ENVELOPES.seal(SERVER, CLIENT_KEY, new byte[16], RANDOM));
    }

    // ---- fixtures

    private static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }

    private static Arguments bad(String what, Supplier<Object> envelope) {
        return Arguments.of(what, envelope);
    }

    private static String seal(byte[] secret) {
        try {
            return ENVELOPES.seal(SERVER, CLIENT_KEY, secret, RANDOM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A ciphertext with a valid server signature in front of it. */
    private static String signed(byte[] ct) {
        try {
            return hex(RsaPrimitives.preferred().pssSign(SERVER.privateKey(), ct, RANDOM)) + hex(ct);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] signWith(String algorithm, PSSParameterSpec spec, byte[] data) {
        try {
            Signature s = Signature.getInstance(algorithm);
            s.initSign(SERVER.privateKey());
            if (spec != null) {
                s.setParameter(spec);
            }
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] signPss(int salt, String hash, byte[] data) {
        MGF1ParameterSpec mgf = hash.equals("SHA-1") ? MGF1ParameterSpec.SHA1 : MGF1ParameterSpec.SHA256;
        return signWith("RSASSA-PSS", new PSSParameterSpec(hash, "MGF1", mgf, salt, 1), data);
    }

    private static byte[] signWithKey(NodeIdentity who, byte[] data) {
        try {
            return RsaPrimitives.preferred().pssSign(who.privateKey(), data, RANDOM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] oaep(byte[] plaintext, String hash, MGF1ParameterSpec mgf) {
        return oaepWith(CLIENT_KEY.publicKey(), plaintext, new OAEPParameterSpec(hash, "MGF1", mgf, PSource.PSpecified.DEFAULT));
    }

    private static byte[] oaepLabel(byte[] plaintext) {
        return oaepWith(CLIENT_KEY.publicKey(), plaintext,
                new OAEPParameterSpec("SHA-1", "MGF1", MGF1ParameterSpec.SHA1, new PSource.PSpecified(new byte[] {1, 2, 3})));
    }

    private static byte[] oaepTo(RSAPublicKey key, byte[] plaintext) {
        return oaepWith(key, plaintext, RsaPrimitives.OAEP_SHA1);
    }

    private static byte[] oaepWith(RSAPublicKey key, byte[] plaintext, OAEPParameterSpec spec) {
        try {
            Cipher c = Cipher.getInstance("RSA/ECB/OAEPPadding");
            c.init(Cipher.ENCRYPT_MODE, key, spec, RANDOM);
            return c.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomBelowModulus() {
        byte[] ct = new byte[256];
        RANDOM.nextBytes(ct);
        ct[0] = 0x01;
        return ct;
    }

    /** {@code n + delta} as exactly modulus-size bytes (still fits: the modulus's top byte is below 0xff). */
    private static byte[] modulusPlus(RSAPublicKey key, int delta) {
        byte[] v = key.getModulus().add(BigInteger.valueOf(delta)).toByteArray();
        int k = RsaPrimitives.modulusBytes(key);
        byte[] out = new byte[k];
        System.arraycopy(v, v.length - k, out, 0, k);
        return out;
    }

    private static String flip(String envelope, int byteIndex) {
        byte[] b = HEX.parseHex(envelope);
        b[byteIndex] ^= 0x01;
        return HEX.formatHex(b);
    }

    private static String hex(byte[] b) {
        return HEX.formatHex(b);
    }

    private static byte[] hexBytes(String s) {
        return HEX.parseHex(s);
    }
}
