package dev.hivemind.auth.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.auth.AuthMethodFactory;
import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.registry.ClientRecord;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The {@code password} plugin's contract with the engine. */
class PasswordAuthFactoryTest {
    private final PasswordAuthFactory factory = new PasswordAuthFactory();

    @Test
    void isDiscoveredThroughTheServiceLoader() {
        List<AuthMethodFactory> found = ServiceLoader.load(AuthMethodFactory.class).stream()
                .map(ServiceLoader.Provider::get).filter(f -> f.name().equals("password")).toList();
        assertEquals(1, found.size());
        assertInstanceOf(PasswordAuthFactory.class, found.get(0));
    }

    @Test
    void namesItsSelectorAndFlag() {
        assertEquals("password", factory.name());
        assertEquals(Optional.of("envelope"), factory.selectorField());
        assertEquals(Optional.of("password"), factory.offerFlag());
        assertTrue(factory.isHandshake());
        assertEquals(Optional.empty(), factory.nodePublicKeyPem());
        assertTrue(factory.availability().isAvailable());
    }

    @Test
    void appliesToRecordsWithAPassword() {
        assertTrue(factory.appliesTo(ClientRecord.create(1, "k", "a", "secret", null)));
        assertTrue(factory.appliesTo(ClientRecord.create(1, "k", "a", "secret", "0123456789abcdef")));
        assertFalse(factory.appliesTo(ClientRecord.create(1, "k", "a", null, "0123456789abcdef")));
        assertFalse(factory.appliesTo(ClientRecord.create(1, "k", "a", "", null)));
    }

    @Test
    void isConfiguredByCredentialsWithAPassword() {
        assertTrue(factory.configuredBy(new ClientCredentials("k", "secret", null, Map.of())));
        assertFalse(factory.configuredBy(new ClientCredentials("k", null, "0123456789abcdef", Map.of())));
        assertFalse(factory.configuredBy(new ClientCredentials("k", "", null, Map.of())));
    }

    @Test
    void makesAFreshExchangePerConnection() {
        try (WorkerPool pool = new WorkerPool()) {
            TestServerContext server = TestServerContext.of("secret", new SecureRandom(), pool);
            TestClientContext client = TestClientContext.of("secret", new SecureRandom(), pool);
            try (var a = factory.newServerExchange(server); var b = factory.newServerExchange(server);
                    var c = factory.newClientExchange(client)) {
                assertInstanceOf(PasswordServerExchange.class, a);
                assertFalse(a == b);
                assertInstanceOf(PasswordClientExchange.class, c);
            }
        }
    }
}
