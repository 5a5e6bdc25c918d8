package dev.hivemind.load;

import dev.hivemind.api.auth.ClientAuthFactory;
import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.transport.ClientEndpoint;
import dev.hivemind.api.transport.ClientTls;
import dev.hivemind.api.transport.TransportFactory;
import dev.hivemind.engine.client.HiveMindClient;
import dev.hivemind.engine.codec.binary.Binarizer;
import dev.hivemind.engine.codec.json.HiveJson;
import dev.hivemind.engine.codec.json.HiveMessageCodec;
import dev.hivemind.engine.config.CryptoSettings;
import dev.hivemind.engine.config.HandshakeSettings;
import dev.hivemind.engine.config.LimitSettings;
import dev.hivemind.engine.runtime.EnginePluginContext;
import dev.hivemind.engine.session.ClientOptions;
import dev.hivemind.engine.session.SessionEnvironment;
import dev.hivemind.engine.session.SessionFraming;
import dev.hivemind.engine.time.SystemScheduler;
import dev.hivemind.engine.work.WorkerPool;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The hub under load as a satellite sees it: the endpoint, the installed transport that speaks its scheme, one auth
 * method with its credentials, and the {@link HiveMindClient}s the simulated satellites share (one transport client,
 * so one event loop, per core, taken in turn; one worker pool sized for many concurrent key derivations). Only the wire protocol is used, so any
 * HiveMind-compatible hub (hivemind-core included) can be the target.
 */
final class LoadTarget implements AutoCloseable {
    private final ClientEndpoint endpoint;
    private final String method;
    private final List<HiveMindClient> clients;
    private final java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    private final WorkerPool workers;
    private final SystemScheduler scheduler;

    private LoadTarget(ClientEndpoint endpoint, String method, List<HiveMindClient> clients, WorkerPool workers,
            SystemScheduler scheduler) {
        this.endpoint = endpoint;
        this.method = method;
        this.clients = List.copyOf(clients);
        this.workers = workers;
        this.scheduler = scheduler;
    }

    /**
     * @param url         {@code ws://}, {@code wss://}, {@code tcp://} or {@code tcps://}
     * @param method      {@code password}, {@code psk} or {@code rsa} (any installed method's name)
     * @param credentials access key and secrets
     * @param home        where the RSA method keeps this node's identity and the pinned hub keys
     * @param binarize    whether to offer bit-packed binary frames
     * @param insecureTls accept any TLS certificate (load tests against a self-signed hub)
     */
    static LoadTarget open(String url, String method, ClientCredentials credentials, Path home, boolean binarize,
            boolean insecureTls, Duration handshakeTimeout) {
        String scheme = url.contains("://") ? url.substring(0, url.indexOf("://")) : "";
        TransportFactory transport = ServiceLoader.load(TransportFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(t -> t.schemes().contains(scheme)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no installed transport handles '" + scheme + "://'"));
        ClientAuthFactory auth = ServiceLoader.load(ClientAuthFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(a -> a.name().equals(method)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no installed auth method '" + method + "'"));
        Map<String, String> rsa = method.equals("rsa")
                ? Map.of("identity_file", home.resolve("load-identity.pem").toString(),
                        "known_hosts_file", home.resolve("load-known-hosts").toString())
                : Map.of();
        auth.initialize(new EnginePluginContext(PluginSettings.of(rsa), home, Clock.systemUTC(), new SecureRandom()));
        ClientEndpoint endpoint = ClientEndpoint.parse(url, transport.defaultPort())
                .withTls(new ClientTls(null, List.of(), insecureTls, true));
        int cpus = Runtime.getRuntime().availableProcessors();
        WorkerPool workers = new WorkerPool("load-cpu", Math.max(2, cpus), 100_000);
        SystemScheduler scheduler = new SystemScheduler();
        HiveJson json = HiveJson.withDefaults();
        // no replay cache on the generator's side: it measures the hub, and a full cache costs megabytes per session
        CryptoSettings crypto = new CryptoSettings(CryptoSettings.CORE_DEFAULT_CIPHERS,
                CryptoSettings.CORE_DEFAULT_ENCODINGS, 0);
        SessionEnvironment env = new SessionEnvironment(HandshakeSettings.defaults(), crypto,
                LimitSettings.defaults(), new SessionFraming(new HiveMessageCodec(json), new Binarizer(json)), workers,
                scheduler, new SecureRandom(), System::nanoTime);
        ClientOptions options = ClientOptions.defaults().withUserAgent("hivemind-load").withBinarize(binarize)
                .withHandshakeTimeout(handshakeTimeout);
        // one transport client (one event loop) per core, used in turn: a single loop would serialise every session
        List<HiveMindClient> clients = new java.util.ArrayList<>();
        for (int i = 0; i < Math.max(2, cpus); i++) {
            clients.add(new HiveMindClient(transport.createClient(PluginSettings.empty()), List.of(auth), credentials,
                    options, env));
        }
        return new LoadTarget(endpoint, method, clients, workers, scheduler);
    }

    ClientEndpoint endpoint() {
        return endpoint;
    }

    String method() {
        return method;
    }

    /** The next client (and so event loop) in turn. */
    HiveMindClient client() {
        return clients.get(Math.floorMod(next.getAndIncrement(), clients.size()));
    }

    @Override
    public void close() {
        clients.forEach(HiveMindClient::close);
        workers.close();
        scheduler.close();
    }
}
