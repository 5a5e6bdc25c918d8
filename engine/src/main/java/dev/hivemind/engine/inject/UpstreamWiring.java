package dev.hivemind.engine.inject;

import dev.hivemind.api.auth.AuthMechanism;
import dev.hivemind.api.auth.ClientAuthFactory;
import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.transport.ClientEndpoint;
import dev.hivemind.api.transport.ClientTls;
import dev.hivemind.api.transport.TransportFactory;
import dev.hivemind.engine.client.HiveMindClient;
import dev.hivemind.engine.auth.EnrollmentSettings;
import dev.hivemind.engine.config.HiveMindConfig;
import dev.hivemind.engine.config.UpstreamSettings;
import dev.hivemind.engine.hub.router.HubIdentity;
import dev.hivemind.engine.hub.router.UpstreamLink;
import dev.hivemind.engine.plugin.PluginDiscoveryException;
import dev.hivemind.engine.runtime.EnginePluginContext;
import dev.hivemind.engine.session.ClientOptions;
import dev.hivemind.engine.session.SessionEnvironment;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the {@link UpstreamLink} of the {@code upstream:} section from the installed transports and auth methods,
 * checking everything at start-up: the transport for the URL's scheme, each auth method installed and given its
 * secrets, at most one handshake method.
 */
final class UpstreamWiring {
    private UpstreamWiring() {
    }

    static UpstreamLink create(UpstreamSettings up, HiveMindConfig config, Map<String, ClientAuthFactory> installed,
            Map<String, TransportFactory> transports, SessionEnvironment env,
            HubIdentity identity, Clock clock, SecureRandom random) {
        int i = up.url().indexOf("://");
        String scheme = i > 0 ? up.url().substring(0, i).toLowerCase(Locale.ROOT) : "";
        TransportFactory transport = transports.values().stream().filter(t -> t.schemes().contains(scheme))
                .findFirst().orElseThrow(() -> new PluginDiscoveryException("upstream.url " + up.url()
                        + ": no installed transport handles '" + scheme + "://' (installed: "
                        + String.join(", ", transports.keySet()) + ")"));
        ClientEndpoint endpoint;
        try {
            endpoint = ClientEndpoint.parse(up.url(), transport.defaultPort())
                    .withTls(new ClientTls(up.tlsTrust(), up.tlsPins(), up.tlsInsecure(), true));
        } catch (IllegalArgumentException e) {
            throw new PluginDiscoveryException("upstream.url: " + e.getMessage());
        }
        Map<String, String> options = new LinkedHashMap<>(up.options());
        if (up.authMethods().contains("rsa")) {
            options.putIfAbsent("rsa", "true");
        }
        ClientCredentials credentials = new ClientCredentials(up.accessKey(), up.password(), up.cryptoKey(), options);
        List<ClientAuthFactory> methods = new ArrayList<>();
        for (String name : up.authMethods()) {
            ClientAuthFactory m = installed.get(name);
            if (m == null) {
                throw new PluginDiscoveryException("upstream.auth: method '" + name + "' is not installed; found: "
                        + String.join(", ", installed.keySet()));
            }
            m.initialize(new EnginePluginContext(EnrollmentSettings.split(config.authSettings(name)).pluginSettings(),
                    config.dataDirectory(), clock, random));
            if (!m.configuredBy(credentials)) {
                throw new PluginDiscoveryException("upstream.auth: method '" + name + "' lacks its credentials "
                        + "(password, crypto_key or options)");
            }
            methods.add(m);
        }
        if (methods.stream().filter(AuthMechanism::isHandshake).count() > 1) {
            throw new PluginDiscoveryException("upstream.auth: at most one handshake method (optionally with psk), not "
                    + up.authMethods());
        }
        ClientOptions options2 = ClientOptions.defaults().withUserAgent(up.userAgent())
                .withSiteId(identity.siteId() == null ? "unknown" : identity.siteId()).withHub(true)
                .withHelloPublicKey(identity.publicKey());
        HiveMindClient client = new HiveMindClient(transport.createClient(PluginSettings.empty()), methods,
                credentials, options2, env);
        return new UpstreamLink(client, endpoint, env.scheduler(), up.reconnectInitial(), up.reconnectMax(),
                identity.routeId());
    }
}
