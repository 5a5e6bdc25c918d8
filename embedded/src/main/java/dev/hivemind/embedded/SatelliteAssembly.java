package dev.hivemind.embedded;

import dev.hivemind.api.auth.ClientAuthFactory;
import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.transport.ClientEndpoint;
import dev.hivemind.api.transport.TransportClient;
import dev.hivemind.api.transport.TransportFactory;
import dev.hivemind.engine.client.HiveMindClient;
import dev.hivemind.engine.client.HubFailover;
import dev.hivemind.engine.codec.binary.Binarizer;
import dev.hivemind.engine.codec.json.HiveJson;
import dev.hivemind.engine.codec.json.HiveMessageCodec;
import dev.hivemind.engine.codec.json.JsonLimits;
import dev.hivemind.engine.config.CryptoSettings;
import dev.hivemind.engine.config.HandshakeSettings;
import dev.hivemind.engine.config.LimitSettings;
import dev.hivemind.engine.plugin.PluginCatalog;
import dev.hivemind.engine.plugin.PluginDiscoveryException;
import dev.hivemind.engine.runtime.EnginePluginContext;
import dev.hivemind.engine.session.ClientOptions;
import dev.hivemind.engine.session.SessionEnvironment;
import dev.hivemind.engine.session.SessionFraming;
import dev.hivemind.engine.work.WorkerPool;
import dev.hivemind.transport.vertx.VertxTransportFactory;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds a {@link Satellite} from its builder: plugins, options, the session environment, and what it owns. */
final class SatelliteAssembly {
    /** Handshake steps (PBKDF2, RSA) that may wait for a worker thread; more fail with "server busy". */
    private static final int WORKER_QUEUE = 1024;
    /** Unsent bytes at which the transport gives up on a hub that does not read (see {@link #transportSettings}). */
    private static final long SATELLITE_WRITE_LIMIT = 64L << 20;

    private SatelliteAssembly() {
    }

    static Satellite assemble(SatelliteBuilder b) {
        if (b.urls.isEmpty() || b.accessKey == null) {
            throw new IllegalArgumentException("a satellite needs url(...) and accessKey(...)");
        }
        ClassLoader loader = b.classLoader != null ? b.classLoader : SatelliteAssembly.class.getClassLoader();
        PluginCatalog catalog = discover(loader);
        TransportFactory transport = transportFor(catalog, scheme(b.urls.get(0)));
        List<ClientEndpoint> endpoints = new java.util.ArrayList<>();
        for (String url : b.urls) {
            if (transportFor(catalog, scheme(url)) != transport) {
                throw new IllegalArgumentException("the hub URLs need different transports: give URLs of one kind ("
                        + b.urls + ")");
            }
            ClientEndpoint parsed = ClientEndpoint.parse(url, transport.defaultPort());
            endpoints.add(new ClientEndpoint(parsed.scheme(), parsed.host(), parsed.port(), b.tls, b.maxFrameBytes,
                    b.connectTimeout));
        }
        ClientCredentials credentials = new ClientCredentials(b.accessKey, b.password, b.cryptoKey, b.options);
        List<ClientAuthFactory> methods = AuthSelection.select(catalog, b.authMethods, credentials);
        SecureRandom random = new SecureRandom();
        for (ClientAuthFactory m : methods) {
            if (m.name().equals("rsa") && b.dataDirectory == null) {
                throw new IllegalArgumentException("rsa keeps this satellite's identity key and the pinned hub keys in"
                        + " files: give dataDirectory(...)");
            }
            m.initialize(new EnginePluginContext(PluginSettings.of(b.pluginSettings.getOrDefault(m.name(), Map.of())),
                    b.dataDirectory, Clock.systemUTC(), random));
        }
        ClientOptions options = options(b);
        Resources resources = Resources.on(b.vertx, b.eventLoops);
        try {
            PluginSettings settings = PluginSettings.of(transportSettings(b));
            TransportClient client = resources.own(transport instanceof VertxTransportFactory v
                    ? v.createClient(resources.vertx(), settings) : transport.createClient(settings));
            WorkerPool workers = resources.own(new WorkerPool("hivemind-satellite", b.workerThreads, WORKER_QUEUE));
            HiveJson json = new HiveJson(new JsonLimits(b.maxFrameBytes, JsonLimits.DEFAULT_MAX_DEPTH, b.maxFrameBytes));
            LimitSettings d = LimitSettings.defaults();
            LimitSettings limits = new LimitSettings(b.maxFrameBytes, d.maxJsonDepth(), d.maxConnections(),
                    d.maxPending(), d.maxAuthFailures(), d.failureWindow());
            VertxScheduler scheduler = new VertxScheduler(resources.vertx());
            SessionEnvironment env = new SessionEnvironment(HandshakeSettings.defaults(), CryptoSettings.defaults(),
                    limits, new SessionFraming(new HiveMessageCodec(json), new Binarizer(json)), workers,
                    scheduler, random, System::nanoTime);
            HiveMindClient hiveMindClient = new HiveMindClient(client, methods, credentials, options, env);
            HubFailover hubs = new HubFailover(hiveMindClient, endpoints, scheduler, b.failoverInitialDelay,
                    b.failoverMaxDelay, b.failoverRounds);
            return new Satellite(hubs, b.siteId, b.maxConnections, b.maxQueuedSends, resources);
        } catch (RuntimeException e) {
            resources.release();
            throw e;
        }
    }

    /**
     * The transport's client settings, with room for what a satellite queues: the transport's default hard limit
     * (8 times the high-water mark) would drop the hub as a slow reader while the application still heeds
     * {@code writeQueueFull()} for messages it queued a moment before.
     */
    private static Map<String, Object> transportSettings(SatelliteBuilder b) {
        Map<String, Object> settings = new java.util.LinkedHashMap<>(b.transportSettings);
        settings.putIfAbsent("writeLimitBytes", SATELLITE_WRITE_LIMIT);
        return settings;
    }

    private static ClientOptions options(SatelliteBuilder b) {
        ClientOptions o = ClientOptions.defaults().withUserAgent(b.userAgent).withSiteId(b.siteId)
                .withBinarize(b.binarize).withHandshakeTimeout(b.connectTimeout);
        if (b.ciphers != null) {
            o = o.withCiphers(b.ciphers);
        }
        if (b.encodings != null) {
            o = o.withEncodings(b.encodings);
        }
        return o;
    }

    static PluginCatalog discover(ClassLoader loader) {
        try {
            return PluginCatalog.discover(loader);
        } catch (PluginDiscoveryException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static TransportFactory transportFor(PluginCatalog catalog, String scheme) {
        return catalog.transports().values().stream()
                .filter(t -> t.schemes().contains(scheme) && t.availability().isAvailable()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no installed transport handles '" + scheme + "://' ("
                        + (catalog.transports().isEmpty() ? "none installed" : "installed: "
                        + String.join(", ", catalog.transports().keySet())) + "): add hivemind-transport-vertx for"
                        + " ws and wss, hivemind-transport-tcp for tcp and tcps"));
    }

    private static String scheme(String url) {
        int i = url.indexOf("://");
        if (i <= 0) {
            throw new IllegalArgumentException("not a URL: " + url + " (expected e.g. ws://127.0.0.1:5678)");
        }
        return url.substring(0, i).toLowerCase(Locale.ROOT);
    }
}
