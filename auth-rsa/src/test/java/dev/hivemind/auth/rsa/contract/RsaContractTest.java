package dev.hivemind.auth.rsa.contract;

import dev.hivemind.api.auth.AuthMethodFactory;
import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.auth.rsa.NodeIdentity;
import dev.hivemind.auth.rsa.RsaAuthFactory;
import dev.hivemind.engine.tck.auth.AuthMethodContractTest;
import dev.hivemind.api.error.AuthenticationException;
import dev.hivemind.engine.session.ClientOptions;
import dev.hivemind.engine.tck.HubHarness;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's auth contract kit, run against the RSA method: the hub and the satellite each have their own identity
 * key (generated once per data directory) and the satellite pins the hub's key on first use.
 */
class RsaContractTest extends AuthMethodContractTest {
    @Override
    protected AuthMethodFactory newServerFactory() {
        return new RsaAuthFactory();
    }

    @Override
    protected AuthMethodFactory newClientFactory() {
        return new RsaAuthFactory();
    }

    /** A client whose record enrols the satellite's identity key (generated here, before the satellite starts). */
    @Override
    protected ClientRecord clientRecord(int clientId, String accessKey) {
        NodeIdentity satellite = NodeIdentity.loadOrGenerate(clientDir.resolve("satellite.pem"), 2048, true,
                new SecureRandom());
        ClientRecord base = ClientRecord.create(clientId, accessKey, "satellite", null, null);
        return new ClientRecord(base.clientId(), base.apiKey(), base.name(), base.description(), base.admin(),
                base.lastSeen(), base.intentBlacklist(), base.skillBlacklist(), base.messageBlacklist(),
                base.allowedTypes(), base.cryptoKey(), base.password(), base.canBroadcast(), base.canEscalate(),
                base.canPropagate(), satellite.publicKeyPem(), base.metadata());
    }

    @Override
    protected ClientCredentials goodCredentials(String accessKey) {
        return new ClientCredentials(accessKey, null, null, Map.of("rsa", "true"));
    }

    /** RSA has no shared secret; a wrong hub key is covered by the pinning tests. */
    @Override
    protected Optional<ClientCredentials> wrongCredentials(String accessKey) {
        return Optional.empty();
    }

    @Override
    protected Map<String, PluginSettings> serverSettings() {
        return Map.of("rsa", PluginSettings.of(Map.of("identity_file", serverDir.resolve("hub.pem").toString())));
    }

    @Override
    protected Map<String, PluginSettings> clientSettings() {
        return Map.of("rsa", PluginSettings.of(Map.of("identity_file", clientDir.resolve("satellite.pem").toString())));
    }

    /** SECURITY.md T22: a hub at a pinned address presenting another key is refused, with a hint how to re-pin. */
    @Test
    void aChangedHubKeyAtAPinnedAddressIsRefused() throws Exception {
        ClientRecord record = clientRecord(1, ACCESS_KEY);
        try (HubHarness first = hubWithIdentity("first.pem", record)) {
            assertNotNull(first.connect(client(first, goodCredentials(ACCESS_KEY), ClientOptions.defaults()))
                    .sessionInfo());
        }
        // a different hub (another identity key) now answers at the same address (the in-memory ports repeat)
        try (HubHarness impostor = hubWithIdentity("impostor.pem", record)) {
            Exception e = assertThrows(Exception.class,
                    () -> impostor.connect(client(impostor, goodCredentials(ACCESS_KEY), ClientOptions.defaults())));
            AuthenticationException auth = assertInstanceOf(AuthenticationException.class, e);
            assertTrue(auth.getMessage().contains("rsa_known_hosts"), auth.getMessage());
            assertTrue(impostor.agent().established().isEmpty());
        }
    }

    private HubHarness hubWithIdentity(String file, ClientRecord record) {
        return HubHarness.builder().methods(List.of(newServerFactory())).clients(List.of(record))
                .dataDirectory(serverDir).settings(Map.of("rsa", PluginSettings.of(Map.of("identity_file",
                        serverDir.resolve(file).toString())))).build();
    }
}
