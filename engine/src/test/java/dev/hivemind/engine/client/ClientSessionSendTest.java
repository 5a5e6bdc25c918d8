package dev.hivemind.engine.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hivemind.api.agent.SessionInfo;
import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.error.CloseCode;
import dev.hivemind.api.error.ConnectionClosedException;
import dev.hivemind.api.error.HiveMindException;
import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.transport.AuthorizationToken;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.engine.config.CryptoSettings;
import dev.hivemind.engine.config.HandshakeSettings;
import dev.hivemind.engine.config.LimitSettings;
import dev.hivemind.engine.session.ClientOptions;
import dev.hivemind.engine.session.ClientSession;
import dev.hivemind.engine.session.ClientSessionListener;
import dev.hivemind.engine.tck.EngineFixtures;
import dev.hivemind.engine.tck.ManualScheduler;
import dev.hivemind.engine.tck.RawPeer;
import dev.hivemind.engine.tck.RawServer;
import dev.hivemind.engine.tck.memory.MemoryTransport;
import dev.hivemind.engine.testplugin.TokenClientAuthFactory;
import dev.hivemind.engine.work.WorkerPool;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A message sent on a session that is not established fails at once, with the reason; nothing is dropped silently. */
class ClientSessionSendTest {
    private static final long WAIT = RawPeer.WAIT.toMillis();

    @Test
    void sendsBeforeTheHandshakeAndAfterTheEndFailWithTheReason() throws Exception {
        try (MemoryTransport transport = new MemoryTransport(); RawServer server = new RawServer(transport);
                WorkerPool pool = new WorkerPool("test-client", 1, 4)) {
            CompletableFuture<Integer> closed = new CompletableFuture<>();
            ClientSessionListener listener = new ClientSessionListener() {
                @Override
                public void onEstablished(SessionInfo info) {
                }

                @Override
                public void onMessage(HiveMessage message) {
                }

                @Override
                public void onClosed(int code, String reason, HiveMindException failure) {
                    closed.complete(code);
                }
            };
            AtomicReference<ClientSession> session = new AtomicReference<>();
            transport.createClient(PluginSettings.empty()).connect(MemoryTransport.endpoint(server.port()),
                    new AuthorizationToken("test", "key"), connection -> {
                        ClientSession s = new ClientSession(connection, new ClientCredentials("key", null, null,
                                Map.of("token", "secret")), "hub:1", List.of(new TokenClientAuthFactory()),
                                ClientOptions.defaults(), EngineFixtures.environment(HandshakeSettings.defaults(),
                                        CryptoSettings.defaults(), LimitSettings.defaults(), pool, new ManualScheduler(),
                                        new SecureRandom()), listener);
                        session.set(s);
                        return s;
                    }).toCompletableFuture().get(WAIT, TimeUnit.MILLISECONDS);
            RawPeer hub = server.nextConnection();
            HiveMessage message = HiveMessage.bus("recognizer_loop:utterance", Map.of(), Map.of());

            ExecutionException early = assertThrows(ExecutionException.class,
                    () -> session.get().send(message).toCompletableFuture().get(WAIT, TimeUnit.MILLISECONDS));
            assertInstanceOf(IllegalStateException.class, early.getCause());
            assertEquals(0, hub.buffered(), "nothing may reach the hub before the session is established");

            hub.connection().close(CloseCode.POLICY_VIOLATION, "go away");
            assertEquals(1008, closed.get(WAIT, TimeUnit.MILLISECONDS));
            ExecutionException late = assertThrows(ExecutionException.class,
                    () -> session.get().send(message).toCompletableFuture().get(WAIT, TimeUnit.MILLISECONDS));
            ConnectionClosedException reason = assertInstanceOf(ConnectionClosedException.class, late.getCause());
            assertEquals(1008, reason.peerCode());
        }
    }
}
