package dev.hivemind.auth.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.auth.AuthStep;
import dev.hivemind.api.auth.ClientAuthFactory;
import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.auth.ServerAuthFactory;
import dev.hivemind.api.error.AuthenticationException;
import dev.hivemind.api.handshake.ClientHandshake;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The {@code password} plugin's two halves and their contract with the engine. */
class PasswordAuthFactoryTest {
    private final PasswordServerAuthFactory server = new PasswordServerAuthFactory();
    private final PasswordClientAuthFactory client = new PasswordClientAuthFactory();

    @Test
    void bothHalvesAreDiscoveredThroughTheServiceLoader() {
        List<ServerAuthFactory> servers = ServiceLoader.load(ServerAuthFactory.class).stream()
                .map(ServiceLoader.Provider::get).filter(f -> f.name().equals("password")).toList();
        assertEquals(1, servers.size());
        assertInstanceOf(PasswordServerAuthFactory.class, servers.get(0));
        List<ClientAuthFactory> clients = ServiceLoader.load(ClientAuthFactory.class).stream()
                .map(ServiceLoader.Provider::get).filter(f -> f.name().equals("password")).toList();
        assertEquals(1, clients.size());
        assertInstanceOf(PasswordClientAuthFactory.class, clients.get(0));
    }

    @Test
    void bothHalvesNameTheSameSelectorAndFlag() {
        for (var half : List.of(server, client)) {
            assertEquals("password", half.name());
            assertEquals(Optional.of("envelope"), half.selectorField());
            assertEquals(Optional.of("password"), half.offerFlag());
            assertTrue(half.isHandshake());
            assertTrue(half.availability().isAvailable());
        }
        assertEquals(Optional.empty(), server.nodePublicKeyPem());
        assertFalse(server.enrollable(), "a password is a secret the hub must hold beforehand");
    }

    @Test
    void isConfiguredByCredentialsWithAPassword() {
        assertTrue(client.configuredBy(new ClientCredentials("k", "secret", null, Map.of())));
        assertFalse(client.configuredBy(new ClientCredentials("k", null, "0123456789abcdef", Map.of())));
        assertFalse(client.configuredBy(new ClientCredentials("k", "", null, Map.of())));
    }

    @Test
    void theServerExchangeChecksTheCredentialTheHubGrantedNotTheRecordsFields() throws Exception {
        try (WorkerPool pool = new WorkerPool()) {
            // the record says "secret", but the hub granted nothing: the exchange must not read the record itself
            TestServerContext granted = TestServerContext.of("secret", new SecureRandom(), pool);
            TestServerContext none = granted.withoutCredential();
            try (var exchange = server.newExchange(none);
                    var satellite = client.newExchange(TestClientContext.of("secret", new SecureRandom(), pool))) {
                ClientHandshake hs = Exchanges.clientHandshake(satellite.start(Exchanges.offer(true, false)));
                AuthStep.Failed f = assertInstanceOf(AuthStep.Failed.class, Exchanges.await(exchange.onClientHandshake(hs)));
                assertInstanceOf(AuthenticationException.class, f.error());
            }
        }
    }

    @Test
    void makesAFreshExchangePerConnection() {
        try (WorkerPool pool = new WorkerPool()) {
            TestServerContext serverContext = TestServerContext.of("secret", new SecureRandom(), pool);
            TestClientContext clientContext = TestClientContext.of("secret", new SecureRandom(), pool);
            try (var a = server.newExchange(serverContext); var b = server.newExchange(serverContext);
                    var c = client.newExchange(clientContext)) {
                assertInstanceOf(PasswordServerExchange.class, a);
                assertFalse(a == b);
                assertInstanceOf(PasswordClientExchange.class, c);
            }
        }
    }
}
