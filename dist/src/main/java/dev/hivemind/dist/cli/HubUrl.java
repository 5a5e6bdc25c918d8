package dev.hivemind.dist.cli;

import dev.hivemind.api.transport.ClientEndpoint;
import dev.hivemind.api.transport.ClientTls;
import dev.hivemind.api.transport.ServerTransportConfig;
import dev.hivemind.api.transport.TransportFactory;
import dev.hivemind.engine.plugin.PluginCatalog;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The hub a satellite connects to, from its URL: the installed transport that speaks the URL's scheme and the
 * endpoint to dial. A URL that cannot name a hub ({@code 127.0.0.1:5678}, {@code http://…}, port 99999) is a usage
 * error (exit 2) that says what a valid one looks like.
 *
 * @param transport the transport for the scheme
 * @param endpoint  where to connect, with the TLS options and a connect timeout
 */
record HubUrl(TransportFactory transport, ClientEndpoint endpoint) {
    private static final String EXAMPLE = "e.g. ws://127.0.0.1:5678";

    /**
     * @param timeout how long the connection (TCP, TLS, upgrade or first frame) may take
     */
    static HubUrl parse(CommandLine command, String url, PluginCatalog catalog, ClientTls tls, Duration timeout) {
        int separator = url.indexOf("://");
        if (separator <= 0) {
            throw new ParameterException(command, "not a hub URL: '" + Text.printable(url) + "' (" + EXAMPLE
                    + (url.matches("[A-Za-z0-9.-]+:[0-9]{1,5}") ? "; did you mean ws://" + url + "?" : "") + ")");
        }
        String scheme = url.substring(0, separator).toLowerCase(Locale.ROOT);
        TransportFactory transport = catalog.transports().values().stream()
                .filter(t -> t.schemes().contains(scheme)).findFirst()
                .orElseThrow(() -> new ParameterException(command, "no installed transport speaks '" + Text.printable(scheme)
                        + "://'; the installed ones speak " + schemes(catalog)));
        ClientEndpoint parsed;
        try {
            parsed = ClientEndpoint.parse(url, transport.defaultPort());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command, "not a hub URL: '" + Text.printable(url) + "' (" + e.getMessage()
                    + "; " + EXAMPLE + ")");
        }
        ClientEndpoint endpoint = new ClientEndpoint(parsed.scheme(), parsed.host(), parsed.port(), tls,
                ServerTransportConfig.DEFAULT_MAX_FRAME_BYTES, timeout);
        return new HubUrl(transport, endpoint);
    }

    private static String schemes(PluginCatalog catalog) {
        return catalog.transports().values().stream().flatMap(t -> t.schemes().stream()).sorted()
                .map(s -> s + "://").collect(Collectors.joining(", "));
    }

    /** {@code scheme://host:port}. */
    String display() {
        return endpoint.scheme() + "://" + endpoint.address();
    }
}
