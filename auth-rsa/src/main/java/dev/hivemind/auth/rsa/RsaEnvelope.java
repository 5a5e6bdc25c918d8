package dev.hivemind.auth.rsa;

import dev.hivemind.api.error.AuthenticationException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The RSA handshake envelope of poorman_handshake 1.0 ({@code HandShake.generate_handshake}), both ways.
 * <pre>
 *   ct       = RSA-OAEP-SHA1(client public key, secret)          secret = 32 random bytes
 *   sig      = RSASSA-PSS-SHA256(server private key, ct)         salt 32
 *   envelope = lowercase hex(sig || ct)                          sig: server modulus bytes, ct: client modulus bytes
 * </pre>
 * The secret is the session key on both sides. {@link #open} (client side) verifies the signature before it
 * decrypts anything, so an attacker without the server's key gets no decryption oracle, and every failure —
 * bad hex, wrong length, bad signature, bad padding, wrong plaintext length, replay — is the same
 * {@link AuthenticationException} with the same message ({@link #FAILURE_DETAIL}) and no cause.
 */
public final class RsaEnvelope {
    /** Size of the secret the server draws; the client accepts exactly this many plaintext bytes. */
    public static final int SECRET_BYTES = 32;
    /** The one local message of every envelope failure. */
    public static final String FAILURE_DETAIL = "RSA handshake envelope rejected";

    private static final HexFormat HEX = HexFormat.of();

    private final RsaPrimitives crypto;

    public RsaEnvelope(RsaPrimitives crypto) {
        this.crypto = crypto;
    }

    /**
     * Server side: encrypts {@code secret} to the client's key and signs the ciphertext with the node key.
     *
     * @return the envelope, lowercase hex
     */
    public String seal(NodeIdentity node, RsaPeerKey clientKey, byte[] secret, SecureRandom random)
            throws GeneralSecurityException {
        if (secret.length != SECRET_BYTES) {
            throw new IllegalArgumentException("the RSA handshake secret is " + SECRET_BYTES + " bytes");
        }
        byte[] ct = crypto.oaepEncrypt(clientKey.publicKey(), secret, random);
        byte[] sig = crypto.pssSign(node.privateKey(), ct, random);
        byte[] both = new byte[sig.length + ct.length];
        System.arraycopy(sig, 0, both, 0, sig.length);
        System.arraycopy(ct, 0, both, sig.length, ct.length);
        return HEX.formatHex(both);
    }

    /**
     * Client side: checks the envelope's shape, verifies the server's signature, then decrypts the secret.
     *
     * @param serverKey the server's key (from its HELLO, already checked against the pin)
     * @param own       this client's identity
     * @param envelope  the envelope as received
     * @return the 32-byte secret (the caller owns and must zero it)
     * @throws AuthenticationException the single generic failure, whatever went wrong
     */
    public byte[] open(RsaPeerKey serverKey, NodeIdentity own, Object envelope) {
        int sigLen = serverKey.modulusBytes();
        int ctLen = own.publicKey().modulusBytes();
        if (!(envelope instanceof String text) || text.length() != 2 * (sigLen + ctLen) || !isLowerHex(text)) {
            throw failure();
        }
        byte[] sig = HEX.parseHex(text, 0, 2 * sigLen);
        byte[] ct = HEX.parseHex(text, 2 * sigLen, text.length());
        if (!crypto.pssVerify(serverKey.publicKey(), ct, sig)) {
            throw failure();
        }
        byte[] secret;
        try {
            secret = crypto.oaepDecrypt(own.privateKey(), ct);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw failure();
        }
        if (secret.length != SECRET_BYTES) {
            Arrays.fill(secret, (byte) 0);
            throw failure();
        }
        return secret;
    }

    /** The generic envelope failure (also used by callers for checks around {@link #open}, such as replays). */
    static AuthenticationException failure() {
        return new AuthenticationException(FAILURE_DETAIL);
    }

    private static boolean isLowerHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }
}
