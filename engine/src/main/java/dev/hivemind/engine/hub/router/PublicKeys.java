package dev.hivemind.engine.hub.router;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

/** RSA public keys as peers announce them in HELLO: PEM (SubjectPublicKeyInfo), compared by their DER body. */
public final class PublicKeys {
    /**
     * Larger keys are refused: verifying with them would let a peer make the hub do expensive work (on the sender's
     * event loop, for every INTERCOM it sends). The RSA handshake's key policy has the same bound.
     */
    public static final int MAX_BITS = 4096;

    private PublicKeys() {
    }

    /** The key's identity for lookups: the base64 body without PEM armour or whitespace; empty for blank input. */
    public static String normalize(String pem) {
        if (pem == null) {
            return "";
        }
        StringBuilder body = new StringBuilder(pem.length());
        for (String line : pem.split("\\R")) {
            String t = line.strip();
            if (!t.startsWith("-----")) {
                for (char c : t.toCharArray()) {
                    if (!Character.isWhitespace(c)) {
                        body.append(c);
                    }
                }
            }
        }
        return body.toString();
    }

    /** The largest public exponent accepted, exclusive (as the RSA handshake's key policy): 2^32. */
    private static final BigInteger MAX_EXPONENT = BigInteger.ONE.shiftLeft(32);
    private static final BigInteger MIN_EXPONENT = BigInteger.valueOf(3);

    /**
     * The RSA key of a PEM SubjectPublicKeyInfo; empty if it is not one, is too large, or its public exponent is not odd
     * with 3 &le; e &lt; 2^32 (a huge exponent would make each signature check as costly as a private-key operation,
     * on the sender's event loop).
     */
    public static Optional<RSAPublicKey> parse(String pem) {
        String body = normalize(pem);
        if (body.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] der = Base64.getDecoder().decode(body);
            if (KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der)) instanceof RSAPublicKey k
                    && k.getModulus().bitLength() <= MAX_BITS && k.getPublicExponent().testBit(0)
                    && k.getPublicExponent().compareTo(MIN_EXPONENT) >= 0
                    && k.getPublicExponent().compareTo(MAX_EXPONENT) < 0) {
                return Optional.of(k);
            }
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            // not a key we can use
        }
        return Optional.empty();
    }
}
