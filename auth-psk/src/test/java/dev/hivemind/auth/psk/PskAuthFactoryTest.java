package dev.hivemind.auth.psk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.auth.AuthMethodFactory;
import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.error.InternalHiveMindException;
import dev.hivemind.api.registry.ClientRecord;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The {@code psk} plugin's contract with the engine, and its warnings. */
class PskAuthFactoryTest {
    private static final String LEGACY_KEY = "6e9941197be7f949";
    private static final String STRONG_KEY = "0123456789abcdef0123456789abcdef";

    private final RecordingLogger log = new RecordingLogger();
    private final PskAuthFactory factory = new PskAuthFactory(log);

    @Test
    void isDiscoveredThroughTheServiceLoader() {
        List<AuthMethodFactory> found = ServiceLoader.load(AuthMethodFactory.class).stream()
                .map(ServiceLoader.Provider::get).filter(f -> f.name().equals("psk")).toList();
        assertEquals(1, found.size());
        assertInstanceOf(PskAuthFactory.class, found.get(0));
    }

    @Test
    void hasNoSelectorAndIsNoHandshake() {
        assertEquals("psk", factory.name());
        assertEquals(Optional.empty(), factory.selectorField());
        assertEquals(Optional.of("preshared_key"), factory.offerFlag());
        assertFalse(factory.isHandshake());
        assertTrue(factory.availability().isAvailable());
    }

    @Test
    void appliesToRecordsWithAUsableCryptoKey() {
        assertTrue(factory.appliesTo(record(1, LEGACY_KEY)));
        assertTrue(factory.appliesTo(record(2, "k".repeat(24))));
        assertTrue(factory.appliesTo(record(3, STRONG_KEY)));
        assertFalse(factory.appliesTo(record(4, null)));
        assertTrue(log.entries().isEmpty(), "no warning for usable or absent keys: " + log.entries());
    }

    @Test
    void aRecordWithAnUnusableKeyIsNotServedAndIsReportedOnce() {
        String badKey = "0123456789abcdef0123";
        assertFalse(factory.appliesTo(record(9, badKey)));
        assertFalse(factory.appliesTo(record(9, badKey)));
        assertEquals(1, log.entries().size());
        RecordingLogger.Entry warning = log.entries().get(0);
        assertEquals(Level.WARNING, warning.level());
        assertTrue(warning.message().contains("client 9"), warning.message());
        assertTrue(warning.message().contains("20 bytes"), warning.message());
        assertFalse(warning.message().contains(badKey));
    }

    @Test
    void isConfiguredByCredentialsWithACryptoKey() {
        assertTrue(factory.configuredBy(new ClientCredentials("a", null, LEGACY_KEY, Map.of())));
        assertTrue(factory.configuredBy(new ClientCredentials("a", "pw", "bad", Map.of())));
        assertFalse(factory.configuredBy(new ClientCredentials("a", "pw", null, Map.of())));
        assertFalse(factory.configuredBy(new ClientCredentials("a", "pw", "", Map.of())));
    }

    @Test
    void aClientConfiguredWithAnUnusableKeyGetsAClearError() {
        InternalHiveMindException e = assertThrows(InternalHiveMindException.class,
                () -> factory.newClientExchange(TestContexts.client("short")));
        assertTrue(e.getMessage().contains("5 bytes") && e.getMessage().contains("16, 24 or 32"), e.getMessage());
        assertFalse(e.getMessage().contains("short"));
    }

    @Test
    void weakServerKeysAreReportedOncePerClient() {
        factory.newServerExchange(TestContexts.server(5, LEGACY_KEY)).close();
        factory.newServerExchange(TestContexts.server(5, LEGACY_KEY)).close();
        factory.newServerExchange(TestContexts.server(6, STRONG_KEY)).close();
        assertEquals(1, log.entries().size(), log.entries().toString());
        RecordingLogger.Entry warning = log.entries().get(0);
        assertEquals(Level.WARNING, warning.level());
        assertTrue(warning.message().contains("client 5"), warning.message());
        assertFalse(warning.message().contains(LEGACY_KEY));
    }

    @Test
    void aWeakClientKeyIsReportedOnce() {
        factory.newClientExchange(TestContexts.client(LEGACY_KEY)).close();
        factory.newClientExchange(TestContexts.client(LEGACY_KEY)).close();
        assertEquals(1, log.entries().size());
        assertFalse(log.entries().get(0).message().contains(LEGACY_KEY));
        new PskAuthFactory(log).newClientExchange(TestContexts.client(STRONG_KEY)).close();
        assertEquals(1, log.entries().size(), "no warning for a 32-character key");
    }

    @Test
    void serverExchangeForAnUnusableKeyIsAnInternalError() {
        assertThrows(InternalHiveMindException.class, () -> factory.newServerExchange(TestContexts.server(8, "short")));
    }

    private static ClientRecord record(int id, String cryptoKey) {
        return ClientRecord.create(id, "access-" + id, "satellite", null, cryptoKey);
    }
}
