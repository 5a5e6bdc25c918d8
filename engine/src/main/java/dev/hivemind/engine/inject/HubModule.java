package dev.hivemind.engine.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.name.Named;
import com.google.inject.name.Names;
import dev.hivemind.api.agent.BinaryHandler;
import dev.hivemind.api.agent.HiveAgent;
import dev.hivemind.api.auth.ClientAuthFactory;
import dev.hivemind.api.auth.ServerAuthFactory;
import dev.hivemind.api.registry.ClientRegistry;
import dev.hivemind.api.transport.TransportFactory;
import dev.hivemind.engine.auth.AuthPolicy;
import dev.hivemind.engine.auth.EnrollmentSettings;
import dev.hivemind.engine.codec.binary.Binarizer;
import dev.hivemind.engine.codec.json.HiveJson;
import dev.hivemind.engine.codec.json.HiveMessageCodec;
import dev.hivemind.engine.codec.json.JsonLimits;
import dev.hivemind.engine.config.ConfigException;
import dev.hivemind.engine.config.HiveMindConfig;
import dev.hivemind.engine.hub.Hub;
import dev.hivemind.engine.hub.SourceLedger;
import dev.hivemind.engine.hub.router.HubIdentity;
import dev.hivemind.engine.hub.router.LocalPeerMailer;
import dev.hivemind.engine.hub.router.Router;
import dev.hivemind.engine.plugin.PluginCatalog;
import dev.hivemind.engine.plugin.PluginDiscoveryException;
import dev.hivemind.engine.runtime.EnginePluginContext;
import dev.hivemind.engine.runtime.HubServer;
import dev.hivemind.engine.session.SessionEnvironment;
import dev.hivemind.engine.session.SessionFraming;
import dev.hivemind.engine.time.Scheduler;
import dev.hivemind.engine.time.SystemScheduler;
import dev.hivemind.engine.work.WorkerPool;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Wires a hub with Guice. Discovered plugins are bound by name in {@code MapBinder}s; the configuration picks an
 * ordered subset of auth methods and one agent, which are initialised once here; {@link Hub} and {@link HubServer} are
 * built by constructor injection. Every pool and the scheduler made here are owned by the module's {@link Lifecycle},
 * which {@link HubServer#close()} closes last, in reverse order. The embedding application binds
 * {@link ClientRegistry} (the distribution binds its SQLite store) and may override {@link SecureRandom} or
 * {@link Scheduler} for tests, and {@link HubTopology} to run the hub as a node of a cluster.
 */
public final class HubModule extends AbstractModule {
    /** The {@code @Named} value of the hub's peer id ({@code node_id}). */
    public static final String NODE_ID = "node_id";

    private final HiveMindConfig config;
    private final PluginCatalog catalog;
    private final Lifecycle lifecycle = new Lifecycle();

    public HubModule(HiveMindConfig config, PluginCatalog catalog) {
        this.config = config;
        this.catalog = catalog;
    }

    /** What this module's injector creates and must close (also when building the injector fails half-way). */
    public Lifecycle lifecycle() {
        return lifecycle;
    }

    @Override
    protected void configure() {
        bind(HiveMindConfig.class).toInstance(config);
        bind(Lifecycle.class).toInstance(lifecycle);
        bindConstant().annotatedWith(Names.named(NODE_ID)).to(config.nodeId());
        bind(Hub.class).in(Singleton.class);
        bind(HubServer.class).in(Singleton.class);
        bind(HubTopology.class).to(StandaloneTopology.class).in(Singleton.class);
        MapBinder<String, ServerAuthFactory> serverAuth = MapBinder.newMapBinder(binder(), String.class,
                ServerAuthFactory.class);
        catalog.serverAuth().forEach((name, f) -> serverAuth.addBinding(name).toInstance(f));
        MapBinder<String, ClientAuthFactory> clientAuth = MapBinder.newMapBinder(binder(), String.class,
                ClientAuthFactory.class);
        catalog.clientAuth().forEach((name, f) -> clientAuth.addBinding(name).toInstance(f));
        MapBinder<String, TransportFactory> transports = MapBinder.newMapBinder(binder(), String.class,
                TransportFactory.class);
        catalog.transports().forEach((name, f) -> transports.addBinding(name).toInstance(f));
        MapBinder<String, HiveAgent> agents = MapBinder.newMapBinder(binder(), String.class, HiveAgent.class);
        catalog.agents().forEach((name, a) -> agents.addBinding(name).toInstance(a));
        MapBinder<String, BinaryHandler> binary = MapBinder.newMapBinder(binder(), String.class, BinaryHandler.class);
        catalog.binaryHandlers().forEach((name, b) -> binary.addBinding(name).toInstance(b));
    }

    @Provides
    @Singleton
    SecureRandom random() {
        return new SecureRandom();
    }

    @Provides
    @Singleton
    Scheduler scheduler() {
        return lifecycle.own(new SystemScheduler());
    }

    @Provides
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Provides
    @Singleton
    @Named("cpu")
    WorkerPool cpuPool() {
        return lifecycle.own(new WorkerPool("hivemind-worker", config.workers().threads(),
                config.workers().queueCapacity()));
    }

    @Provides
    @Singleton
    @Named("io")
    WorkerPool ioPool() {
        return lifecycle.own(WorkerPool.forBlockingIo("hivemind-io", 4));
    }

    @Provides
    @Singleton
    HiveJson json() {
        return new HiveJson(new JsonLimits(config.limits().maxFrameBytes(), config.limits().maxJsonDepth(),
                config.limits().maxFrameBytes()));
    }

    @Provides
    @Singleton
    SessionFraming framing(HiveJson json) {
        return new SessionFraming(new HiveMessageCodec(json), new Binarizer(json));
    }

    @Provides
    @Singleton
    SessionEnvironment environment(SessionFraming framing, @Named("cpu") WorkerPool cpu, @Named("io") WorkerPool io,
            Scheduler scheduler, SecureRandom random) {
        return new SessionEnvironment(config.handshake(), config.crypto(), config.limits(), framing, cpu, scheduler,
                random, System::nanoTime, io);
    }

    /**
     * The enabled auth methods, in configured order, each initialised once with its settings section (less the hub's
     * own {@code enroll_on_first_use} key), and the policy that decides which of them may authenticate a client.
     */
    @Provides
    @Singleton
    AuthPolicy authPolicy(Map<String, ServerAuthFactory> all, Clock clock, SecureRandom random) {
        List<ServerAuthFactory> out = new ArrayList<>();
        Set<String> enroll = new HashSet<>();
        List<String> names = config.effectiveAuthMethods(all.keySet());
        if (config.authMethodsDefaulted() && names.size() < config.authMethods().size()) {
            org.slf4j.LoggerFactory.getLogger(HubModule.class).info(
                    "auth.methods not configured: enabling the installed built-in methods {}", names);
        }
        for (String name : names) {
            ServerAuthFactory f = all.get(name);
            if (f == null) {
                throw new PluginDiscoveryException("configured auth method '" + name + "' is not installed; found: "
                        + (all.isEmpty() ? "none" : String.join(", ", all.keySet())));
            }
            if (!f.availability().isAvailable()) {
                throw new PluginDiscoveryException("configured auth method '" + name + "' is not available: "
                        + f.availability().reason());
            }
            EnrollmentSettings section;
            try {
                section = EnrollmentSettings.split(config.authSettings(name));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("auth." + name + ": " + e.getMessage());
            }
            if (section.enrollOnFirstUse()) {
                enroll.add(name);
            }
            f.initialize(new EnginePluginContext(section.pluginSettings(), config.dataDirectory(), clock, random));
            out.add(f);
        }
        if (out.isEmpty()) {
            throw new PluginDiscoveryException("no auth method enabled: auth.methods " + (config.authMethodsDefaulted()
                    ? "is not configured and none of " + config.authMethods() + " is installed" : "is empty")
                    + "; installed: " + (all.isEmpty() ? "none" : String.join(", ", all.keySet())));
        }
        try {
            return new AuthPolicy(out, enroll);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    @Provides
    @Singleton
    SourceLedger ledger(HubTopology topology, Clock clock) {
        return topology.ledger(config.limits(), clock);
    }

    @Provides
    @Singleton
    HiveAgent agent(Map<String, HiveAgent> all, Clock clock, SecureRandom random, HubTopology topology) {
        HiveAgent agent = all.get(config.agent());
        if (agent == null) {
            throw new PluginDiscoveryException("configured agent '" + config.agent() + "' is not installed; found: "
                    + (all.isEmpty() ? "none" : String.join(", ", all.keySet())));
        }
        agent.initialize(new EnginePluginContext(config.agentSettings(), config.dataDirectory(), clock, random,
                topology.services()));
        return agent;
    }

    /** The configured binary handler, initialised once; empty when none is configured. */
    @Provides
    @Singleton
    Optional<BinaryHandler> binaryHandler(Map<String, BinaryHandler> all, Clock clock, SecureRandom random,
            HubTopology topology) {
        Optional<String> name = config.routing().optionalBinaryHandler();
        if (name.isEmpty()) {
            return Optional.empty();
        }
        BinaryHandler handler = all.get(name.get());
        if (handler == null) {
            throw new PluginDiscoveryException("configured binary handler '" + name.get() + "' is not installed; "
                    + "found: " + (all.isEmpty() ? "none" : String.join(", ", all.keySet())));
        }
        handler.initialize(new EnginePluginContext(config.routing().binaryHandlerSettings(), config.dataDirectory(),
                clock, random, topology.services()));
        return Optional.of(handler);
    }

    /**
     * The router (its directory and the other nodes from the {@link HubTopology}), with the upstream link of the
     * {@code upstream:} section attached (it starts with the router).
     */
    @Provides
    @Singleton
    Router router(AuthPolicy authPolicy, Map<String, ClientAuthFactory> clientAuth,
            Map<String, TransportFactory> transports, HiveAgent agent, Optional<BinaryHandler> binary,
            SessionFraming framing, SessionEnvironment env, Clock clock, SecureRandom random, HubTopology topology) {
        HubIdentity identity = topology.identity(config.nodeId(), config.routing().siteId(),
                Hub.nodePublicKey(authPolicy.methods()));
        Router router = new Router(identity, topology.directory(), new LocalPeerMailer(), topology.otherNodes(),
                framing.codec(), new Router.Plugins(agent, binary), clock);
        config.routing().optionalUpstream().ifPresent(up -> router.attachUpstream(topology.upstream(
                () -> UpstreamWiring.create(up, config, clientAuth, transports, env, identity, clock, random))));
        return router;
    }
}
