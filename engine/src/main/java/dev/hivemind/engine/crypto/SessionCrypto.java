package dev.hivemind.engine.crypto;

import dev.hivemind.api.auth.SessionKey;
import dev.hivemind.api.error.AuthenticationException;
import dev.hivemind.api.error.InvalidPayloadException;
import dev.hivemind.api.error.NegotiationException;
import dev.hivemind.api.wire.CipherSuite;
import dev.hivemind.api.wire.TextEncoding;
import dev.hivemind.engine.codec.ScratchBuffers;
import dev.hivemind.engine.codec.json.HiveJson;
import dev.hivemind.engine.codec.json.JsonLimits;
import dev.hivemind.engine.codec.text.TextCodec;
import dev.hivemind.engine.codec.text.TextCodecs;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * One session's AEAD state: the key, the negotiated cipher, the source of outgoing nonces and an optional
 * replay guard. It produces and reads HiveMind's two encrypted frame forms:
 * <ul>
 *   <li>binary ({@code encrypt_bin}): {@code nonce || ciphertext || tag};</li>
 *   <li>text ({@code encrypt_as_json}): {@code {"ciphertext": E(ct), "tag": E(tag), "nonce": E(nonce)}} with
 *       Python's separators, each field in the negotiated text encoding E; the tag-less WebCrypto form (tag =
 *       last 16 bytes of the ciphertext) is accepted on input.</li>
 * </ul>
 * Inbound frames are rejected with an {@link AuthenticationException} when they fail the tag, have the wrong
 * nonce length (AES-GCM: 16 bytes, ChaCha20-Poly1305: 12), are too short, carry one of our own nonces
 * (reflection) or a nonce already received (replay). Malformed frame text (bad JSON, bad encoding) is an
 * {@link InvalidPayloadException}. No plaintext is ever returned from a failed frame.
 *
 * <p>Each direction keeps one {@link AeadCipher} (cipher and key object) for the whole session. Confined to one
 * connection at a time; {@link #close()} drops the key.
 */
public final class SessionCrypto implements AutoCloseable {
    public static final String CIPHERTEXT = "ciphertext";
    public static final String TAG = "tag";
    public static final String NONCE = "nonce";

    private static final int TAG_BYTES = CipherSuite.TAG_BYTES;
    /** Encrypted text frames: a flat object of three strings, up to 4 MiB (hex doubles a 1 MiB message). */
    private static final HiveJson FRAME_JSON = new HiveJson(new JsonLimits(4 << 20, 1, 4 << 20));

    private final AeadCipher sealer;
    private final AeadCipher opener;
    private final CipherSuite suite;
    private final NonceSource nonces;
    private final ReplayGuard guard;
    private final HiveJson frameJson;
    private volatile boolean closed;

    /**
     * @param key    the session key; this object keeps its own copy
     * @param suite  the negotiated cipher
     * @param nonces where outgoing nonces come from
     * @param guard  replay protection for inbound frames, or {@code null} for none
     * @throws NegotiationException if the key length does not suit the cipher (a 16-byte pre-shared key with
     *                              ChaCha20-Poly1305, for example)
     */
    public SessionCrypto(SessionKey key, CipherSuite suite, NonceSource nonces, ReplayGuard guard) {
        this(key, suite, nonces, guard, FRAME_JSON);
    }

    /** As {@link #SessionCrypto(SessionKey, CipherSuite, NonceSource, ReplayGuard)} with a custom frame-text parser. */
    public SessionCrypto(SessionKey key, CipherSuite suite, NonceSource nonces, ReplayGuard guard, HiveJson frameJson) {
        Objects.requireNonNull(key, "key");
        this.suite = Objects.requireNonNull(suite, "suite");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
        this.frameJson = Objects.requireNonNull(frameJson, "frameJson");
        this.guard = guard;
        if (!suite.acceptsKeyLength(key.length())) {
            throw new NegotiationException("cipher unusable with this key",
                    suite.wireName() + " cannot use a " + key.length() + "-byte key");
        }
        byte[] bytes = key.bytes();
        try {
            this.sealer = AeadCipher.forSealing(suite, bytes);
            this.opener = AeadCipher.forOpening(suite, bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    public CipherSuite suite() {
        return suite;
    }

    /** Encrypts one binary frame: {@code nonce || ciphertext || tag}. */
    public byte[] sealBinary(byte[] plaintext) {
        return sealBinary(plaintext, 0, plaintext.length);
    }

    /** Encrypts {@code plaintext[off, off+len)} into one binary frame, written straight into the returned array. */
    public byte[] sealBinary(byte[] plaintext, int off, int len) {
        ensureOpen();
        byte[] nonce = nextNonce();
        byte[] frame = new byte[nonce.length + AeadCipher.sealedLength(len)];
        System.arraycopy(nonce, 0, frame, 0, nonce.length);
        sealer.seal(nonce, null, plaintext, off, len, frame, nonce.length);
        return frame;
    }

    /**
     * Decrypts one binary frame.
     *
     * @throws AuthenticationException for a short, forged, reflected or replayed frame
     */
    public byte[] openBinary(byte[] frame) {
        ensureOpen();
        int n = suite.nonceBytes();
        if (frame == null || frame.length < n + TAG_BYTES) {
            throw new AuthenticationException(Aead.FAILURE);
        }
        return openChecked(Arrays.copyOfRange(frame, 0, n), frame, n, frame.length - n);
    }

    /** Encrypts one text frame: {@code {"ciphertext": E(ct), "tag": E(tag), "nonce": E(nonce)}}. */
    public String sealText(byte[] plaintextUtf8, TextEncoding encoding) {
        return sealText(plaintextUtf8, 0, plaintextUtf8.length, encoding);
    }

    /** {@link #sealText(byte[], TextEncoding)} of {@code plaintextUtf8[off, off+len)}. */
    public String sealText(byte[] plaintextUtf8, int off, int len, TextEncoding encoding) {
        ensureOpen();
        TextCodec codec = TextCodecs.of(encoding);
        byte[] nonce = nextNonce();
        byte[] sealed = ScratchBuffers.get().sealed(AeadCipher.sealedLength(len));
        int sealedLength = sealer.seal(nonce, null, plaintextUtf8, off, len, sealed, 0);
        return EncryptedTextFrame.write(codec, sealed, sealedLength - TAG_BYTES, TAG_BYTES, nonce);
    }

    /**
     * Decrypts one text frame; a frame without {@code tag} carries the tag as the last 16 bytes of the ciphertext.
     *
     * @throws InvalidPayloadException for malformed JSON (including duplicate keys), missing or ill-typed fields,
     *                                 unknown keys or text that is not valid in {@code encoding}
     * @throws AuthenticationException for a bad nonce or tag length, a forged, reflected or replayed frame
     */
    public byte[] openText(String frameText, TextEncoding encoding) {
        ensureOpen();
        TextCodec codec = TextCodecs.of(encoding);
        Map<String, Object> frame = frameJson.parseObject(frameText);
        for (String k : frame.keySet()) {
            if (!k.equals(CIPHERTEXT) && !k.equals(TAG) && !k.equals(NONCE)) {
                throw malformed("unexpected key in encrypted frame");
            }
        }
        byte[] ct = codec.decode(requireString(frame, CIPHERTEXT));
        byte[] nonce = codec.decode(requireString(frame, NONCE));
        byte[] ctAndTag;
        if (frame.containsKey(TAG)) {
            byte[] tag = codec.decode(requireString(frame, TAG));
            if (tag.length != TAG_BYTES) {
                throw new AuthenticationException(Aead.FAILURE);
            }
            ctAndTag = new byte[ct.length + TAG_BYTES];
            System.arraycopy(ct, 0, ctAndTag, 0, ct.length);
            System.arraycopy(tag, 0, ctAndTag, ct.length, TAG_BYTES);
        } else {
            ctAndTag = ct;
        }
        if (ctAndTag.length < TAG_BYTES) {
            throw new AuthenticationException(Aead.FAILURE);
        }
        return openChecked(nonce, ctAndTag, 0, ctAndTag.length);
    }

    /** Drops the key from both directions' ciphers; later calls fail. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            sealer.destroy();
            opener.destroy();
        }
    }

    private byte[] openChecked(byte[] nonce, byte[] in, int off, int len) {
        if (nonce.length != suite.nonceBytes()) {
            throw new AuthenticationException(Aead.FAILURE);
        }
        if (nonces.isOwn(nonce)) {
            throw new AuthenticationException("reflected frame (carries one of our own nonces)");
        }
        ensureOpen();
        byte[] plaintext = opener.open(nonce, null, in, off, len);
        if (guard != null) {
            try {
                guard.check(nonce);
            } catch (AuthenticationException e) {
                Arrays.fill(plaintext, (byte) 0);
                throw e;
            }
        }
        return plaintext;
    }

    private byte[] nextNonce() {
        byte[] nonce = nonces.next();
        if (nonce == null || nonce.length != suite.nonceBytes()) {
            throw new IllegalStateException("the nonce source must give " + suite.nonceBytes() + "-byte nonces for "
                    + suite.wireName());
        }
        return nonce;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("session crypto closed");
        }
    }

    private static String requireString(Map<String, Object> frame, String field) {
        Object v = frame.get(field);
        if (v == null) {
            throw malformed("encrypted frame without \"" + field + "\"");
        }
        if (!(v instanceof String s)) {
            throw malformed("field \"" + field + "\" of the encrypted frame must be a string");
        }
        return s;
    }

    private static InvalidPayloadException malformed(String detail) {
        return new InvalidPayloadException("malformed encrypted frame", detail);
    }
}
