package dev.hivemind.engine.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.auth.AuthStep;
import dev.hivemind.api.auth.ServerAuthContext;
import dev.hivemind.api.auth.ServerAuthExchange;
import dev.hivemind.api.auth.ServerAuthFactory;
import dev.hivemind.api.error.AuthenticationException;
import dev.hivemind.api.handshake.ClientHandshake;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.transport.Frame;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.JsonValues;
import dev.hivemind.api.wire.MessageType;
import dev.hivemind.engine.tck.EngineFixtures;
import dev.hivemind.engine.tck.HubHarness;
import dev.hivemind.engine.tck.RawPeer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What the hub hands a server-side exchange: the granted credential, the peer's address, and a pool for blocking steps
 * apart from the CPU pool (an LDAP- or database-backed method must not hold the threads that run PBKDF2).
 */
class ServerAuthContextTest {
    @Test
    void anExchangeSeesItsCredentialThePeersAddressAndAnIoPoolApartFromTheCpuPool() throws Exception {
        Probe probe = new Probe();
        try (HubHarness h = HubHarness.builder().methods(List.of(probe))
                .clients(List.of(ClientRecord.builder("key").clientId(1).name("probe").credential("probe", "its own")
                        .build())).build()) {
            RawPeer peer = h.raw("key");
            peer.nextText();
            peer.nextText();
            peer.connection().send(Frame.text(EngineFixtures.messages().serialize(HiveMessage
                    .builder(MessageType.HANDSHAKE).payload(JsonValues.object("binarize", false, "encodings",
                            List.of("JSON-HEX"), "ciphers", List.of("AES-GCM"), "probe", "x")).build())));
            Seen seen = probe.seen.get(10, TimeUnit.SECONDS);
            assertEquals(Optional.of("its own"), seen.credential());
            assertEquals("client", seen.remote().getHostString(), "the address the transport reported");
            assertTrue(seen.blockingThread().startsWith("test-io"), seen.blockingThread());
            assertTrue(seen.cpuThread().startsWith("test-cpu"), seen.cpuThread());
            assertEquals(1008, peer.awaitCloseCode());
        }
    }

    private record Seen(Optional<String> credential, java.net.InetSocketAddress remote, String blockingThread,
            String cpuThread) {
    }

    /** A method that records what its context offers, then refuses. */
    private static final class Probe implements ServerAuthFactory {
        final CompletableFuture<Seen> seen = new CompletableFuture<>();

        @Override
        public String name() {
            return "probe";
        }

        @Override
        public Optional<String> selectorField() {
            return Optional.of("probe");
        }

        @Override
        public Optional<String> offerFlag() {
            return Optional.empty();
        }

        @Override
        public ServerAuthExchange newExchange(ServerAuthContext context) {
            return new ServerAuthExchange() {
                @Override
                public CompletionStage<AuthStep> onClientHandshake(ClientHandshake handshake) {
                    CompletableFuture<String> cpu = context.compute(() -> Thread.currentThread().getName())
                            .toCompletableFuture();
                    return context.blocking(() -> Thread.currentThread().getName())
                            .thenCombine(cpu, (blocking, computing) -> {
                                seen.complete(new Seen(context.credential(), context.remoteAddress(), blocking,
                                        computing));
                                return new AuthStep.Failed(new AuthenticationException("probe done"));
                            });
                }

                @Override
                public void close() {
                }
            };
        }
    }

}
