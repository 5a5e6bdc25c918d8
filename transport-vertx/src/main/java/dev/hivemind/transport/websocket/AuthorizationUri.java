package dev.hivemind.transport.websocket;

/**
 * The HiveMind way of carrying the token in the WebSocket request: {@code /?authorization=TOKEN}, the token
 * neither percent-encoded nor decoded.
 */
final class AuthorizationUri {
    /** The literal hivemind-core splits the raw request URI on. */
    static final String MARKER = "/?authorization=";

    private AuthorizationUri() {
    }

    /**
     * The token in a raw request URI, read as hivemind-core reads it: split on {@link #MARKER} and keep the last
     * piece, without percent-decoding. {@code null} when the marker is absent.
     */
    static String tokenOf(String rawUri) {
        if (rawUri == null) {
            return null;
        }
        int at = rawUri.lastIndexOf(MARKER);
        return at < 0 ? null : rawUri.substring(at + MARKER.length());
    }

    /** The request target hivemind_bus_client's URL produces: {@code /?authorization=TOKEN}, unescaped. */
    static String requestTarget(String token) {
        return MARKER + token;
    }

    /** The URL the Python client builds, {@code ws[s]://HOST:PORT?authorization=TOKEN} (for logs, never with a real token). */
    static String url(boolean secure, String host, int port, String token) {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return (secure ? "wss" : "ws") + "://" + h + ":" + port + "?authorization=" + token;
    }
}
