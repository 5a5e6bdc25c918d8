package dev.hivemind.api.transport;

import dev.hivemind.api.plugin.NamedPlugin;
import dev.hivemind.api.plugin.PluginSettings;
import java.util.Set;

/**
 * A pluggable transport, discovered with {@link java.util.ServiceLoader} (register the implementation in
 * {@code META-INF/services/dev.hivemind.api.transport.TransportFactory}). Its {@link #name()}
 * ({@code websocket}, {@code tcp}) is the config key. A transport moves frames; it knows nothing of handshakes.
 */
public interface TransportFactory extends NamedPlugin {
    /** The port used when the configuration gives none. */
    int defaultPort();

    /** URL schemes its client handles, for example {@code ws} and {@code wss}. */
    Set<String> schemes();

    /** A server that admits connections through {@code acceptor} before it completes their setup. */
    TransportServer createServer(ServerTransportConfig config, ConnectionAcceptor acceptor);

    /** A client; {@code settings} are the transport's own client options. */
    TransportClient createClient(PluginSettings settings);
}
