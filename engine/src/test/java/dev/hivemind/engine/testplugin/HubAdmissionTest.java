package dev.hivemind.engine.testplugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.hivemind.engine.config.LimitSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Admission when the client registry itself fails: a typed refusal, never an exception handed to the transport. */
class HubAdmissionTest {
    @Test
    void aFailingRegistryRefusesAdmissionWithATypedAnswer() throws Exception {
        dev.hivemind.engine.hub.Hub hub;
        try (dev.hivemind.engine.work.WorkerPool cpu = new dev.hivemind.engine.work.WorkerPool("cpu", 1, 1);
                dev.hivemind.engine.work.WorkerPool io = dev.hivemind.engine.work.WorkerPool.forBlockingIo("io", 1)) {
            dev.hivemind.api.registry.ClientRegistry broken = key -> {
                throw new IllegalStateException("database is locked");
            };
            hub = new dev.hivemind.engine.hub.Hub(broken,
                    new dev.hivemind.engine.auth.AuthPolicy(List.of(new TokenServerAuthFactory()), java.util.Set.of()),
                    new dev.hivemind.engine.tck.RecordingAgent(), dev.hivemind.engine.tck.EngineFixtures.environment(
                            dev.hivemind.engine.config.HandshakeSettings.defaults(),
                            dev.hivemind.engine.config.CryptoSettings.defaults(), LimitSettings.defaults(), cpu,
                            new dev.hivemind.engine.tck.ManualScheduler(), new java.security.SecureRandom()),
                    io, "hub", java.time.Clock.systemUTC());
            dev.hivemind.api.transport.Admission a = hub.admit(new dev.hivemind.api.transport.AdmissionRequest(
                    new dev.hivemind.api.transport.AuthorizationToken("ua", "key").encode(), "memory",
                    new java.net.InetSocketAddress("127.0.0.1", 1))).toCompletableFuture().get(10,
                    java.util.concurrent.TimeUnit.SECONDS);
            dev.hivemind.api.transport.Admission.Rejected r = assertInstanceOf(
                    dev.hivemind.api.transport.Admission.Rejected.class, a);
            assertEquals(500, r.httpStatus());
            assertEquals(dev.hivemind.api.error.CloseCode.INTERNAL_ERROR, r.closeCode());
        }
    }
}
