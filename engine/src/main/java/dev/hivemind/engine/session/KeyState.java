package dev.hivemind.engine.session;

import dev.hivemind.api.auth.SessionKey;
import dev.hivemind.api.error.NegotiationException;
import dev.hivemind.api.wire.CipherSuite;
import dev.hivemind.api.wire.TextEncoding;
import dev.hivemind.engine.crypto.NonceSequence;
import dev.hivemind.engine.crypto.ReplayGuard;
import dev.hivemind.engine.crypto.SessionCrypto;
import java.security.SecureRandom;

/**
 * The session's current key with the cipher, text encoding and binarize flag it is used with. Replaced as a whole
 * (a password handshake replaces a pre-shared key) and closed, zeroing the key, when replaced or when the session ends.
 *
 * @param crypto   the AEAD state
 * @param cipher   the cipher
 * @param encoding the text encoding of encrypted JSON
 * @param binarize whether application messages are bit-packed
 */
record KeyState(SessionCrypto crypto, CipherSuite cipher, TextEncoding encoding, boolean binarize) {

    /** Builds the state; the key is consumed (destroyed once the crypto state holds its copy). */
    static KeyState create(SessionKey key, CipherSuite cipher, TextEncoding encoding, boolean binarize,
            SecureRandom random, int replayCacheSize) {
        try {
            if (!cipher.acceptsKeyLength(key.length())) {
                throw new NegotiationException("key does not fit the cipher", cipher.wireName() + " cannot use a "
                        + key.length() + "-byte key");
            }
            SessionCrypto crypto = new SessionCrypto(key, cipher, new NonceSequence(cipher, random, NonceSequence.DEFAULT_MESSAGE_LIMIT),
                    replayCacheSize > 0 ? new ReplayGuard(replayCacheSize) : null);
            return new KeyState(crypto, cipher, encoding, binarize);
        } finally {
            key.destroy();
        }
    }

    void close() {
        crypto.close();
    }
}
