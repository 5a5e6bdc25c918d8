package dev.hivemind.auth.psk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.auth.ClientAuthFactory;
import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.auth.ServerAuthFactory;
import dev.hivemind.api.error.InternalHiveMindException;
import org.slf4j.event.Level;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The {@code psk} plugin's two halves, their contract with the engine, and their warnings. */
class PskAuthFactoryTest {
    private static final String LEGACY_KEY = "6e9941197be7f949";
    private static final String STRONG_KEY = "0123456789abcdef0123456789abcdef";

    private final RecordingLogger log = new RecordingLogger();
    private final PskServerAuthFactory server = new PskServerAuthFactory(log);
    private final PskClientAuthFactory client = new PskClientAuthFactory(log);

    @Test
    void bothHalvesAreDiscoveredThroughTheServiceLoader() {
        List<ServerAuthFactory> servers = ServiceLoader.load(ServerAuthFactory.class).stream()
                .map(ServiceLoader.Provider::get).filter(f -> f.name().equals("psk")).toList();
        assertInstanceOf(PskServerAuthFactory.class, servers.get(0));
        assertEquals(1, servers.size());
        List<ClientAuthFactory> clients = ServiceLoader.load(ClientAuthFactory.class).stream()
                .map(ServiceLoader.Provider::get).filter(f -> f.name().equals("psk")).toList();
        assertInstanceOf(PskClientAuthFactory.class, clients.get(0));
        assertEquals(1, clients.size());
    }

    @Test
    void hasNoSelectorAndIsNoHandshake() {
        for (var half : List.of(server, client)) {
            assertEquals("psk", half.name());
            assertEquals(Optional.empty(), half.selectorField());
            assertEquals(Optional.of("preshared_key"), half.offerFlag());
            assertFalse(half.isHandshake());
            assertTrue(half.availability().isAvailable());
        }
        assertFalse(server.enrollable(), "a pre-shared key is a secret the hub must hold beforehand");
    }

    @Test
    void onlyKeysOf16To32BytesAreUsableAndTheProblemNeverQuotesTheKey() {
        assertEquals(Optional.empty(), server.credentialProblem(LEGACY_KEY));
        assertEquals(Optional.empty(), server.credentialProblem("k".repeat(24)));
        assertEquals(Optional.empty(), server.credentialProblem(STRONG_KEY));
        String badKey = "0123456789abcdef0123";
        String problem = server.credentialProblem(badKey).orElseThrow();
        assertTrue(problem.contains("20 bytes"), problem);
        assertFalse(problem.contains(badKey));
        assertTrue(log.entries().isEmpty(), "the hub reports unusable keys, not the method: " + log.entries());
    }

    @Test
    void isConfiguredByCredentialsWithACryptoKey() {
        assertTrue(client.configuredBy(new ClientCredentials("a", null, LEGACY_KEY, Map.of())));
        assertTrue(client.configuredBy(new ClientCredentials("a", "pw", "bad", Map.of())));
        assertFalse(client.configuredBy(new ClientCredentials("a", "pw", null, Map.of())));
        assertFalse(client.configuredBy(new ClientCredentials("a", "pw", "", Map.of())));
    }

    @Test
    void aClientConfiguredWithAnUnusableKeyGetsAClearError() {
        InternalHiveMindException e = assertThrows(InternalHiveMindException.class,
                () -> client.newExchange(TestContexts.client("short")));
        assertTrue(e.getMessage().contains("5 bytes") && e.getMessage().contains("16, 24 or 32"), e.getMessage());
        assertFalse(e.getMessage().contains("short"));
    }

    @Test
    void weakServerKeysAreReportedOncePerClient() {
        server.newExchange(TestContexts.server(5, LEGACY_KEY)).close();
        server.newExchange(TestContexts.server(5, LEGACY_KEY)).close();
        server.newExchange(TestContexts.server(6, STRONG_KEY)).close();
        assertEquals(1, log.entries().size(), log.entries().toString());
        RecordingLogger.Entry warning = log.entries().get(0);
        assertEquals(Level.WARN, warning.level());
        assertTrue(warning.message().contains("client 5"), warning.message());
        assertFalse(warning.message().contains(LEGACY_KEY));
    }

    @Test
    void aWeakClientKeyIsReportedOnce() {
        client.newExchange(TestContexts.client(LEGACY_KEY)).close();
        client.newExchange(TestContexts.client(LEGACY_KEY)).close();
        assertEquals(1, log.entries().size());
        assertFalse(log.entries().get(0).message().contains(LEGACY_KEY));
        new PskClientAuthFactory(log).newExchange(TestContexts.client(STRONG_KEY)).close();
        assertEquals(1, log.entries().size(), "no warning for a 32-character key");
    }

    @Test
    void serverExchangeWithoutAUsableKeyIsAnInternalError() {
        assertThrows(InternalHiveMindException.class, () -> server.newExchange(TestContexts.server(8, "short")));
        assertThrows(InternalHiveMindException.class, () -> server.newExchange(TestContexts.server(8, null)));
    }
}
