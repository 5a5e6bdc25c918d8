package dev.hivemind.engine.session;

import dev.hivemind.api.auth.SessionKey;
import dev.hivemind.api.wire.CipherSuite;
import dev.hivemind.api.wire.ProtocolVersion;
import dev.hivemind.api.wire.TextEncoding;
import java.security.SecureRandom;

/**
 * The key a session currently uses, with the auth method that produced it and the protocol version it stands for.
 * Installing a new key (a password handshake after a pre-shared key) closes the old one; {@link #close()} zeroes it.
 */
final class SessionKeys {
    private final SecureRandom random;
    private final int replayCacheSize;
    private KeyState current;
    private String authMethod;
    private ProtocolVersion version = ProtocolVersion.ZERO;

    SessionKeys(SecureRandom random, int replayCacheSize) {
        this.random = random;
        this.replayCacheSize = replayCacheSize;
    }

    /** Takes {@code key} (consumed) as the session key. */
    void install(SessionKey key, CipherSuite cipher, TextEncoding encoding, boolean binarize, String method,
            ProtocolVersion protocolVersion) {
        KeyState next = KeyState.create(key, cipher, encoding, binarize, random, replayCacheSize);
        close();
        current = next;
        authMethod = method;
        version = protocolVersion;
    }

    /** The current key state, or {@code null} before any key exists. */
    KeyState current() {
        return current;
    }

    boolean present() {
        return current != null;
    }

    String authMethod() {
        return authMethod;
    }

    ProtocolVersion version() {
        return version;
    }

    /** An application message sealed under the current key, in the negotiated framing. */
    dev.hivemind.api.transport.Frame seal(SessionFraming framing, dev.hivemind.api.wire.HiveMessage message) {
        return framing.encrypted(message, current.crypto(), current.encoding(), current.binarize());
    }

    /** Zeroes the current key. Idempotent. */
    void close() {
        if (current != null) {
            current.close();
        }
    }
}
