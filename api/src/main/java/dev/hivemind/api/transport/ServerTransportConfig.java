package dev.hivemind.api.transport;

import dev.hivemind.api.plugin.PluginSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of one listening transport.
 *
 * @param host          bind address
 * @param port          port (0 picks an ephemeral port)
 * @param maxFrameBytes largest frame or message accepted, enforced before buffering
 * @param idleTimeout   a connection silent this long is closed; also bounds how long a slow reader may stall us
 * @param tls           TLS settings
 * @param dataDirectory where generated files (certificates) go
 * @param settings      transport-specific extras
 */
public record ServerTransportConfig(String host, int port, int maxFrameBytes, Duration idleTimeout, ServerTls tls,
        Path dataDirectory, PluginSettings settings) {

    /** Default maximum frame size: 1 MiB. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 1 << 20;

    public ServerTransportConfig {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (maxFrameBytes <= 0) {
            throw new IllegalArgumentException("maxFrameBytes must be positive");
        }
        idleTimeout = idleTimeout == null ? Duration.ofMinutes(5) : idleTimeout;
        tls = tls == null ? ServerTls.disabled() : tls;
        settings = settings == null ? PluginSettings.empty() : settings;
    }

    /** Loopback, an ephemeral port, defaults otherwise: handy for tests. */
    public static ServerTransportConfig loopback() {
        return new ServerTransportConfig("127.0.0.1", 0, DEFAULT_MAX_FRAME_BYTES, Duration.ofMinutes(5),
                ServerTls.disabled(), null, PluginSettings.empty());
    }
}
