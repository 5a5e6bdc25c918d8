package dev.hivemind.engine.session;

import dev.hivemind.api.transport.AuthorizationToken;
import dev.hivemind.api.wire.CipherSuite;
import dev.hivemind.api.wire.TextEncoding;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Client-side policy. Local policy overrides whatever the server advertises (SECURITY.md W5).
 *
 * @param userAgent          the user agent in the authorization token
 * @param siteId             the site id announced in our HELLO
 * @param ciphers            ciphers we offer, our preference first
 * @param encodings          text encodings we offer, our preference first (JSON-Z85P is left out by default: Python's
 *                           compiled decoder rejects it)
 * @param binarize           ask for bit-packed frames when the server offers them
 * @param requireEncryption  refuse plaintext application frames from the server once a key exists
 * @param minProtocolVersion refuse servers whose offer tops out below this
 * @param maxProtocolVersion refuse servers whose offer starts above this
 * @param handshakeTimeout   overall deadline from connection open to established
 * @param helloPublicKey     the RSA public key (PEM) to announce in HELLO when the auth method has none of its own (peers
 *                           address INTERCOMs to it), or {@code null}
 * @param hub                announce this node as a hub in HELLO ({@code node_type: hub}): a hub that accepts it sends
 *                           BROADCAST and PROPAGATE wrapped, so that this node can relay them to its own satellites
 */
public record ClientOptions(String userAgent, String siteId, List<CipherSuite> ciphers, List<TextEncoding> encodings,
        boolean binarize, boolean requireEncryption, int minProtocolVersion, int maxProtocolVersion,
        Duration handshakeTimeout, String helloPublicKey, boolean hub) {

    /** Our default encoding preference: the Python client's order without JSON-Z85P. */
    public static final List<TextEncoding> DEFAULT_ENCODINGS = List.of(TextEncoding.JSON_B91, TextEncoding.JSON_Z85B,
            TextEncoding.JSON_B64, TextEncoding.JSON_URLSAFE_B64, TextEncoding.JSON_B32, TextEncoding.JSON_HEX);

    public ClientOptions {
        Objects.requireNonNull(userAgent, "userAgent");
        ciphers = List.copyOf(ciphers);
        encodings = List.copyOf(encodings);
        if (ciphers.isEmpty() || encodings.isEmpty()) {
            throw new IllegalArgumentException("offer at least one cipher and one encoding");
        }
        if (minProtocolVersion > maxProtocolVersion) {
            throw new IllegalArgumentException("minProtocolVersion above maxProtocolVersion");
        }
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
    }

    public static ClientOptions defaults() {
        return new ClientOptions(AuthorizationToken.DEFAULT_USER_AGENT, "unknown",
                List.of(CipherSuite.AES_GCM, CipherSuite.CHACHA20_POLY1305), DEFAULT_ENCODINGS, true, true, 1, 2,
                Duration.ofSeconds(10), null, false);
    }

    public ClientOptions withCiphers(List<CipherSuite> c) {
        return new ClientOptions(userAgent, siteId, c, encodings, binarize, requireEncryption, minProtocolVersion,
                maxProtocolVersion, handshakeTimeout, helloPublicKey, hub);
    }

    public ClientOptions withEncodings(List<TextEncoding> e) {
        return new ClientOptions(userAgent, siteId, ciphers, e, binarize, requireEncryption, minProtocolVersion,
                maxProtocolVersion, handshakeTimeout, helloPublicKey, hub);
    }

    public ClientOptions withBinarize(boolean b) {
        return new ClientOptions(userAgent, siteId, ciphers, encodings, b, requireEncryption, minProtocolVersion,
                maxProtocolVersion, handshakeTimeout, helloPublicKey, hub);
    }

    public ClientOptions withHandshakeTimeout(Duration t) {
        return new ClientOptions(userAgent, siteId, ciphers, encodings, binarize, requireEncryption, minProtocolVersion,
                maxProtocolVersion, t, helloPublicKey, hub);
    }

    public ClientOptions withSiteId(String s) {
        return new ClientOptions(userAgent, s, ciphers, encodings, binarize, requireEncryption, minProtocolVersion,
                maxProtocolVersion, handshakeTimeout, helloPublicKey, hub);
    }

    public ClientOptions withUserAgent(String ua) {
        return new ClientOptions(ua, siteId, ciphers, encodings, binarize, requireEncryption, minProtocolVersion,
                maxProtocolVersion, handshakeTimeout, helloPublicKey, hub);
    }

    public ClientOptions withProtocolVersions(int min, int max) {
        return new ClientOptions(userAgent, siteId, ciphers, encodings, binarize, requireEncryption, min, max,
                handshakeTimeout, helloPublicKey, hub);
    }

    public ClientOptions withHelloPublicKey(String pem) {
        return new ClientOptions(userAgent, siteId, ciphers, encodings, binarize, requireEncryption, minProtocolVersion,
                maxProtocolVersion, handshakeTimeout, pem, hub);
    }

    public ClientOptions withHub(boolean h) {
        return new ClientOptions(userAgent, siteId, ciphers, encodings, binarize, requireEncryption, minProtocolVersion,
                maxProtocolVersion, handshakeTimeout, helloPublicKey, h);
    }
}
