package dev.hivemind.engine.tck;

import dev.hivemind.api.auth.ClientAuthFactory;
import dev.hivemind.api.auth.ServerAuthFactory;
import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.transport.AuthorizationToken;
import dev.hivemind.api.transport.ServerTransportConfig;
import dev.hivemind.api.transport.TransportServer;
import dev.hivemind.engine.client.HiveMindClient;
import dev.hivemind.engine.client.HiveMindConnection;
import dev.hivemind.engine.auth.AuthPolicy;
import dev.hivemind.engine.config.CryptoSettings;
import dev.hivemind.engine.config.HandshakeSettings;
import dev.hivemind.engine.hub.Hub;
import dev.hivemind.engine.hub.InMemoryClientRegistry;
import dev.hivemind.engine.runtime.EnginePluginContext;
import dev.hivemind.engine.session.ClientOptions;
import dev.hivemind.engine.session.SessionEnvironment;
import dev.hivemind.engine.tck.memory.MemoryTransport;
import dev.hivemind.engine.work.WorkerPool;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A complete hub on the in-memory transport, with a manual scheduler, a real bounded worker pool and a
 * {@link RecordingAgent}; plus helpers to connect real {@link HiveMindClient}s or hand-driven {@link RawPeer}s.
 */
public final class HubHarness implements AutoCloseable {
    private final MemoryTransport transport = new MemoryTransport();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final WorkerPool cpu;
    private final WorkerPool io = WorkerPool.forBlockingIo("test-io", 2);
    private final InMemoryClientRegistry registry;
    private final WorkerPool clientCpu = new WorkerPool("test-client-cpu", 2, 64);
    private final RecordingAgent agent = new RecordingAgent();
    private final Hub hub;
    private final TransportServer server;
    private final int port;
    private final SecureRandom random;
    private final HandshakeSettings handshake;
    private final CryptoSettings crypto;
    private final List<HiveMindClient> clients = new ArrayList<>();

    private HubHarness(Builder b) {
        this.random = b.random;
        this.handshake = b.handshake;
        this.crypto = b.crypto;
        this.cpu = new WorkerPool("test-cpu", b.workerThreads, b.workerQueue);
        for (ServerAuthFactory m : b.methods) {
            m.initialize(new EnginePluginContext(b.settings.getOrDefault(m.name(), PluginSettings.empty()),
                    b.dataDirectory, Clock.systemUTC(), random));
        }
        SessionEnvironment env = EngineFixtures.environment(handshake, crypto, b.limits, cpu, scheduler, random, io);
        this.registry = b.registry != null ? b.registry : new InMemoryClientRegistry(b.clients);
        dev.hivemind.engine.hub.router.Router router = EngineFixtures.router(b.siteId, b.methods,
                b.agent == null ? agent : b.agent, b.binaryHandler, b.clock);
        this.hub = new Hub(registry, new AuthPolicy(b.methods, b.enrollOnFirstUse), router, env, io, b.clock);
        hub.startRouting();
        this.server = transport.createServer(ServerTransportConfig.loopback(), hub);
        this.port = server.start().toCompletableFuture().join().getPort();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Hub hub() {
        return hub;
    }

    public RecordingAgent agent() {
        return agent;
    }

    public ManualScheduler scheduler() {
        return scheduler;
    }

    public MemoryTransport transport() {
        return transport;
    }

    public WorkerPool workers() {
        return cpu;
    }

    /** The hub's I/O pool (blocking steps of auth methods, registry calls). */
    public WorkerPool io() {
        return io;
    }

    /** The registry the hub serves (in memory unless the builder gave one). */
    public InMemoryClientRegistry registry() {
        return registry;
    }

    public int port() {
        return port;
    }

    /** A client over the in-memory transport; client-side methods are initialised with {@code clientDataDir}. */
    public HiveMindClient client(List<ClientAuthFactory> methods, ClientCredentials credentials, ClientOptions options,
            Path clientDataDir, Map<String, PluginSettings> clientSettings) {
        return client(methods, credentials, options, clientDataDir, clientSettings, new SecureRandom());
    }

    /** As {@link #client(List, ClientCredentials, ClientOptions, Path, Map)} with the client's random source given. */
    public HiveMindClient client(List<ClientAuthFactory> methods, ClientCredentials credentials, ClientOptions options,
            Path clientDataDir, Map<String, PluginSettings> clientSettings, SecureRandom clientRandom) {
        for (ClientAuthFactory m : methods) {
            m.initialize(new EnginePluginContext(clientSettings.getOrDefault(m.name(), PluginSettings.empty()),
                    clientDataDir, Clock.systemUTC(), clientRandom));
        }
        SessionEnvironment env = EngineFixtures.environment(handshake, crypto,
                dev.hivemind.engine.config.LimitSettings.defaults(), clientCpu, scheduler, clientRandom);
        HiveMindClient c = new HiveMindClient(transport.createClient(PluginSettings.empty()), methods, credentials,
                options, env);
        clients.add(c);
        return c;
    }

    /** Starts a connection and returns the pending stage (deadline tests drive the scheduler meanwhile). */
    public CompletionStage<HiveMindConnection> connectAsync(HiveMindClient client) {
        return client.connect(MemoryTransport.endpoint(port));
    }

    /** Connects and waits (bounded) for the established session; rethrows the typed failure. */
    public HiveMindConnection connect(HiveMindClient client) throws Exception {
        try {
            return connectAsync(client).toCompletableFuture().get(RawPeer.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }

    /** A hand-driven peer admitted with {@code accessKey}. */
    public RawPeer raw(String accessKey) {
        RawPeer peer = new RawPeer();
        transport.createClient(PluginSettings.empty())
                .connect(MemoryTransport.endpoint(port), new AuthorizationToken("RawPeer", accessKey), peer::bind)
                .toCompletableFuture().join();
        return peer;
    }

    @Override
    public void close() {
        server.close();
        clients.forEach(HiveMindClient::close);
        transport.close();
        cpu.close();
        io.close();
        clientCpu.close();
    }

    /** Configures a {@link HubHarness}. */
    public static final class Builder {
        private List<ServerAuthFactory> methods = List.of();
        private Set<String> enrollOnFirstUse = Set.of();
        private List<ClientRecord> clients = List.of();
        private InMemoryClientRegistry registry;
        private HandshakeSettings handshake = HandshakeSettings.defaults();
        private CryptoSettings crypto = CryptoSettings.defaults();
        private SecureRandom random = new SecureRandom();
        private int workerThreads = 2;
        private int workerQueue = 64;
        private Path dataDirectory;
        private Map<String, PluginSettings> settings = Map.of();
        private Clock clock = Clock.systemUTC();
        private dev.hivemind.engine.config.LimitSettings limits = dev.hivemind.engine.config.LimitSettings.defaults();
        private dev.hivemind.api.agent.HiveAgent agent;
        private dev.hivemind.api.agent.BinaryHandler binaryHandler;
        private String siteId;

        /** The agent (default: the harness's {@link RecordingAgent}). */
        public Builder agent(dev.hivemind.api.agent.HiveAgent a) {
            this.agent = a;
            return this;
        }

        public Builder binaryHandler(dev.hivemind.api.agent.BinaryHandler h) {
            this.binaryHandler = h;
            return this;
        }

        /** The hub's own site id. */
        public Builder siteId(String s) {
            this.siteId = s;
            return this;
        }

        public Builder clock(Clock c) {
            this.clock = c;
            return this;
        }

        public Builder limits(dev.hivemind.engine.config.LimitSettings l) {
            this.limits = l;
            return this;
        }

        public Builder methods(List<? extends ServerAuthFactory> m) {
            this.methods = List.copyOf(m);
            return this;
        }

        /** Methods that enrol a first credential ({@code auth.<name>.enroll_on_first_use}). */
        public Builder enrollOnFirstUse(Set<String> names) {
            this.enrollOnFirstUse = Set.copyOf(names);
            return this;
        }

        /** A registry to serve instead of one made from {@link #clients}. */
        public Builder registry(InMemoryClientRegistry r) {
            this.registry = r;
            return this;
        }

        public Builder clients(List<ClientRecord> c) {
            this.clients = List.copyOf(c);
            return this;
        }

        public Builder handshake(HandshakeSettings h) {
            this.handshake = h;
            return this;
        }

        public Builder crypto(CryptoSettings c) {
            this.crypto = c;
            return this;
        }

        public Builder random(SecureRandom r) {
            this.random = r;
            return this;
        }

        public Builder workers(int threads, int queue) {
            this.workerThreads = threads;
            this.workerQueue = queue;
            return this;
        }

        public Builder dataDirectory(Path dir) {
            this.dataDirectory = dir;
            return this;
        }

        public Builder settings(Map<String, PluginSettings> s) {
            this.settings = Map.copyOf(s);
            return this;
        }

        public HubHarness build() {
            return new HubHarness(this);
        }
    }
}
