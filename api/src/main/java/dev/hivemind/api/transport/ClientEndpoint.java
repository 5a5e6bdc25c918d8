package dev.hivemind.api.transport;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Where and how a client connects.
 *
 * @param scheme         URL scheme ({@code ws}, {@code wss}, {@code tcp}, {@code tcps})
 * @param host           server host
 * @param port           server port
 * @param tls            TLS options (used for the secure schemes)
 * @param maxFrameBytes  largest frame accepted from the server
 * @param connectTimeout how long to wait for the connection and upgrade
 */
public record ClientEndpoint(String scheme, String host, int port, ClientTls tls, int maxFrameBytes,
        Duration connectTimeout) {

    public ClientEndpoint {
        scheme = Objects.requireNonNull(scheme, "scheme").toLowerCase(Locale.ROOT);
        Objects.requireNonNull(host, "host");
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        tls = tls == null ? ClientTls.defaults() : tls;
        if (maxFrameBytes <= 0) {
            maxFrameBytes = ServerTransportConfig.DEFAULT_MAX_FRAME_BYTES;
        }
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
    }

    /** Parses {@code scheme://host:port}; the port defaults to {@code defaultPort} when absent. */
    public static ClientEndpoint parse(String url, int defaultPort) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + url);
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("URL needs a scheme and a host, like ws://127.0.0.1:5678: " + url);
        }
        int port = uri.getPort() < 0 ? defaultPort : uri.getPort();
        return new ClientEndpoint(uri.getScheme(), uri.getHost(), port, ClientTls.defaults(),
                ServerTransportConfig.DEFAULT_MAX_FRAME_BYTES, Duration.ofSeconds(10));
    }

    /** Whether the scheme asks for TLS. */
    public boolean secure() {
        return scheme.endsWith("s") && !scheme.equals("ws") || scheme.equals("wss");
    }

    /** {@code host:port}, the key under which server keys are pinned. */
    public String address() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    public ClientEndpoint withTls(ClientTls newTls) {
        return new ClientEndpoint(scheme, host, port, newTls, maxFrameBytes, connectTimeout);
    }
}
