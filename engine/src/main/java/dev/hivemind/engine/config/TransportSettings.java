package dev.hivemind.engine.config;

import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.transport.ServerTls;
import java.time.Duration;

/**
 * One configured listening transport.
 *
 * @param name          the transport plugin's name ({@code websocket}, {@code tcp})
 * @param host          bind address
 * @param port          port; 0 picks an ephemeral one
 * @param maxFrameBytes largest frame accepted
 * @param idleTimeout   silent connections are closed after this
 * @param tls           TLS settings
 * @param extra         transport-specific settings (keys this engine does not know)
 */
public record TransportSettings(String name, String host, int port, int maxFrameBytes, Duration idleTimeout,
        ServerTls tls, PluginSettings extra) {
}
