package dev.hivemind.engine.tck;

import dev.hivemind.engine.codec.binary.Binarizer;
import dev.hivemind.engine.codec.json.HiveJson;
import dev.hivemind.engine.codec.json.HiveMessageCodec;
import dev.hivemind.engine.codec.json.JsonLimits;
import dev.hivemind.engine.config.CryptoSettings;
import dev.hivemind.engine.config.HandshakeSettings;
import dev.hivemind.engine.config.LimitSettings;
import dev.hivemind.engine.session.SessionEnvironment;
import dev.hivemind.engine.session.SessionFraming;
import dev.hivemind.engine.time.Scheduler;
import dev.hivemind.engine.work.WorkerPool;
import java.security.SecureRandom;

/** Building blocks for engine-level tests. */
public final class EngineFixtures {
    private EngineFixtures() {
    }

    public static HiveJson json() {
        return new HiveJson(JsonLimits.defaults());
    }

    public static HiveMessageCodec messages() {
        return new HiveMessageCodec(json());
    }

    public static SessionFraming framing() {
        HiveJson json = json();
        return new SessionFraming(new HiveMessageCodec(json), new Binarizer(json));
    }

    /** A session environment with the given handshake policy; blocking steps share {@code workers}. */
    public static SessionEnvironment environment(HandshakeSettings handshake, CryptoSettings crypto,
            LimitSettings limits, WorkerPool workers, Scheduler scheduler, SecureRandom random) {
        return environment(handshake, crypto, limits, workers, scheduler, random, workers);
    }

    /** A session environment with the given handshake policy and an I/O pool for blocking steps. */
    public static SessionEnvironment environment(HandshakeSettings handshake, CryptoSettings crypto,
            LimitSettings limits, WorkerPool workers, Scheduler scheduler, SecureRandom random, WorkerPool io) {
        return new SessionEnvironment(handshake, crypto, limits, framing(), workers, scheduler, random,
                System::nanoTime, io);
    }

    /** A router with an in-process directory (no upstream), as the hub's Guice module makes one. */
    public static dev.hivemind.engine.hub.router.Router router(String siteId,
            java.util.List<dev.hivemind.api.auth.ServerAuthFactory> methods, dev.hivemind.api.agent.HiveAgent agent,
            dev.hivemind.api.agent.BinaryHandler binary, java.time.Clock clock) {
        return new dev.hivemind.engine.hub.router.Router(dev.hivemind.engine.hub.router.HubIdentity.create(
                "master:0.0.0.0", siteId, dev.hivemind.engine.hub.Hub.nodePublicKey(methods)),
                new dev.hivemind.engine.hub.router.LocalPeerDirectory(), new dev.hivemind.engine.hub.router.LocalPeerMailer(),
                messages(), new dev.hivemind.engine.hub.router.Router.Plugins(agent,
                        java.util.Optional.ofNullable(binary)), clock);
    }
}
