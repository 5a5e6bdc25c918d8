package dev.hivemind.auth.password;

import dev.hivemind.api.error.InternalHiveMindException;
import dev.hivemind.api.error.ProtocolViolationException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The password envelope ("hsub") of poorman_handshake: {@code IV || SHA-256(IV || password)}, written as lowercase
 * hex and cut to a length between {@value #MIN_HEX_CHARS} and {@value #MAX_HEX_CHARS} characters (we always send
 * {@value #GENERATED_HEX_CHARS}). Works on bytes; envelope bytes are not secret, but the password is, and a
 * comparison against a peer envelope is always constant-time.
 */
public final class HsubCodec {
    /** Length of the random IV at the front of every envelope. */
    public static final int IV_BYTES = 8;
    /** Length of the envelopes we generate (8 IV bytes and the first 16 digest bytes). */
    public static final int GENERATED_HEX_CHARS = 48;
    /** Shortest envelope a peer may send. */
    public static final int MIN_HEX_CHARS = 48;
    /** Longest envelope a peer may send (8 IV bytes and the whole 32-byte digest). */
    public static final int MAX_HEX_CHARS = 80;

    private static final HexFormat HEX = HexFormat.of();
    private static final String MALFORMED = "malformed password envelope";

    private HsubCodec() {
    }

    /**
     * The envelope bytes for {@code password} (UTF-8) and {@code iv}, {@code hexChars / 2} bytes long.
     *
     * @throws IllegalArgumentException if the IV is not {@value #IV_BYTES} bytes or the length is not an even
     *                                  number between {@value #MIN_HEX_CHARS} and {@value #MAX_HEX_CHARS}
     */
    public static byte[] create(byte[] password, byte[] iv, int hexChars) {
        if (iv.length != IV_BYTES) {
            throw new IllegalArgumentException("the IV must have " + IV_BYTES + " bytes");
        }
        if (!validLength(hexChars)) {
            throw new IllegalArgumentException("an envelope has an even number of hex characters between "
                    + MIN_HEX_CHARS + " and " + MAX_HEX_CHARS);
        }
        MessageDigest sha256 = sha256();
        sha256.update(iv);
        sha256.update(password);
        byte[] digest = sha256.digest();
        byte[] envelope = new byte[hexChars / 2];
        System.arraycopy(iv, 0, envelope, 0, IV_BYTES);
        System.arraycopy(digest, 0, envelope, IV_BYTES, envelope.length - IV_BYTES);
        Arrays.fill(digest, (byte) 0);
        return envelope;
    }

    /** Lowercase hex, as the envelope travels on the wire. */
    public static String toHex(byte[] envelope) {
        return HEX.formatHex(envelope);
    }

    /**
     * Strictly reads an envelope received from a peer: a JSON string of an even number of lowercase hex
     * characters, {@value #MIN_HEX_CHARS} to {@value #MAX_HEX_CHARS} of them. The length is checked before
     * anything else is done with the value.
     *
     * @return the envelope bytes (IV first)
     * @throws ProtocolViolationException naming the problem (never the value)
     */
    public static byte[] parse(Object value) {
        if (value == null) {
            throw new ProtocolViolationException(MALFORMED, "the envelope is missing");
        }
        if (!(value instanceof String text)) {
            throw new ProtocolViolationException(MALFORMED, "the envelope must be a JSON string");
        }
        if (!validLength(text.length())) {
            throw new ProtocolViolationException(MALFORMED, "the envelope has " + text.length()
                    + " characters; expected an even number between " + MIN_HEX_CHARS + " and " + MAX_HEX_CHARS);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                throw new ProtocolViolationException(MALFORMED, "the envelope must be lowercase hexadecimal");
            }
        }
        return HEX.parseHex(text);
    }

    /** The IV (first {@value #IV_BYTES} bytes) of an envelope. */
    public static byte[] iv(byte[] envelope) {
        if (envelope.length < IV_BYTES) {
            throw new IllegalArgumentException("an envelope has at least " + IV_BYTES + " bytes");
        }
        return Arrays.copyOf(envelope, IV_BYTES);
    }

    /**
     * Whether a parsed peer envelope was made with {@code password}: recomputes the envelope for the peer's IV
     * and length and compares all bytes in constant time.
     */
    public static boolean matches(byte[] password, byte[] peerEnvelope) {
        byte[] expected = create(password, iv(peerEnvelope), peerEnvelope.length * 2);
        try {
            return MessageDigest.isEqual(expected, peerEnvelope);
        } finally {
            Arrays.fill(expected, (byte) 0);
        }
    }

    /** The PBKDF2 salt: own IV XOR peer IV, byte by byte. */
    public static byte[] salt(byte[] ownIv, byte[] peerIv) {
        if (ownIv.length != IV_BYTES || peerIv.length != IV_BYTES) {
            throw new IllegalArgumentException("both IVs must have " + IV_BYTES + " bytes");
        }
        byte[] salt = new byte[IV_BYTES];
        for (int i = 0; i < IV_BYTES; i++) {
            salt[i] = (byte) (ownIv[i] ^ peerIv[i]);
        }
        return salt;
    }

    private static boolean validLength(int hexChars) {
        return hexChars >= MIN_HEX_CHARS && hexChars <= MAX_HEX_CHARS && hexChars % 2 == 0;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new InternalHiveMindException("SHA-256 unavailable", "the JDK provides no SHA-256", e);
        }
    }
}
