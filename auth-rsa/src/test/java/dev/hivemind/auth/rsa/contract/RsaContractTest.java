package dev.hivemind.auth.rsa.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.auth.ClientAuthFactory;
import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.auth.ServerAuthFactory;
import dev.hivemind.api.error.AuthenticationException;
import dev.hivemind.api.error.ConnectionClosedException;
import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.auth.rsa.NodeIdentity;
import dev.hivemind.auth.rsa.RsaClientAuthFactory;
import dev.hivemind.auth.rsa.RsaServerAuthFactory;
import dev.hivemind.engine.session.ClientOptions;
import dev.hivemind.engine.tck.HubHarness;
import dev.hivemind.engine.tck.auth.AuthMethodContractTest;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's auth contract kit, run against the RSA method: the hub and the satellite each have their own identity
 * key, the client record enrols the satellite's key, and the satellite pins the hub's key on first use. Also: first-use
 * enrolment of a client key, and a changed hub key.
 */
class RsaContractTest extends AuthMethodContractTest {
    @TempDir
    Path strangerDir;

    @Override
    protected ServerAuthFactory newServerFactory() {
        return new RsaServerAuthFactory();
    }

    @Override
    protected ClientAuthFactory newClientFactory() {
        return new RsaClientAuthFactory();
    }

    /** A client whose record enrols the satellite's identity key (generated here, before the satellite starts). */
    @Override
    protected ClientRecord clientRecord(int clientId, String accessKey) {
        return ClientRecord.builder(accessKey).clientId(clientId).name("satellite")
                .credential(RsaServerAuthFactory.NAME, satelliteKey(clientDir)).build();
    }

    @Override
    protected ClientCredentials goodCredentials(String accessKey) {
        return new ClientCredentials(accessKey, null, null, Map.of("rsa", "true"));
    }

    /** RSA has no shared secret; a key other than the enrolled one is {@link #aKeyOtherThanTheEnrolledOneIsRefused}. */
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

    @Test
    void aKeyOtherThanTheEnrolledOneIsRefused() {
        HubHarness h = hub(List.of(clientRecord(1, ACCESS_KEY)), Set.of());
        assertRefused(h, stranger(h));
    }

    @Test
    void firstUseEnrolsTheFirstKeyProvedAndRefusesAnyOtherAfterIt() throws Exception {
        HubHarness h = hub(List.of(keyless()), Set.of(RsaServerAuthFactory.NAME));
        // messages sent at once, while the hub is still storing the key, are held and answered in order
        exchange(h, h.connect(client(h, goodCredentials(ACCESS_KEY), ClientOptions.defaults())), 5);
        assertEquals(1, h.agent().established().size());
        assertEquals(Optional.of(satelliteKey(clientDir)), h.registry().clients().get(0).credential("rsa"),
                "the first key is stored");
        assertRefused(h, stranger(h));
        assertEquals(Optional.of(satelliteKey(clientDir)), h.registry().clients().get(0).credential("rsa"));
        assertNotNull(h.connect(client(h, goodCredentials(ACCESS_KEY), ClientOptions.defaults())).sessionInfo(),
                "the enrolled satellite keeps working");
    }

    @Test
    void firstUseNeverOpensAClientThatHoldsAnotherCredential() {
        ClientRecord passwordClient = keyless().toBuilder().password("a password").build();
        HubHarness h = hub(List.of(passwordClient), Set.of(RsaServerAuthFactory.NAME));
        assertRefused(h, stranger(h));
        assertTrue(h.registry().clients().get(0).credential("rsa").isEmpty(), "nothing enrolled");
    }

    @Test
    void withoutFirstUseAKeylessClientIsRefused() {
        HubHarness h = hub(List.of(keyless()), Set.of());
        assertRefused(h, client(h, goodCredentials(ACCESS_KEY), ClientOptions.defaults()));
        assertTrue(h.registry().clients().get(0).credential("rsa").isEmpty());
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

    private ClientRecord keyless() {
        return ClientRecord.builder(ACCESS_KEY).clientId(1).name("satellite").build();
    }

    private HubHarness hub(List<ClientRecord> clients, Set<String> enroll) {
        HubHarness h = HubHarness.builder().methods(List.of(newServerFactory())).clients(clients)
                .enrollOnFirstUse(enroll).dataDirectory(serverDir).settings(serverSettings()).build();
        track(h);
        return h;
    }

    /** A satellite with a key pair of its own, knowing only the access key. */
    private dev.hivemind.engine.client.HiveMindClient stranger(HubHarness h) {
        return h.client(List.of(newClientFactory()), goodCredentials(ACCESS_KEY), ClientOptions.defaults(), strangerDir,
                Map.of("rsa", PluginSettings.of(Map.of("identity_file", strangerDir.resolve("own.pem").toString()))));
    }

    private static void assertRefused(HubHarness h, dev.hivemind.engine.client.HiveMindClient client) {
        Exception e = assertThrows(Exception.class, () -> h.connect(client));
        ConnectionClosedException closed = assertInstanceOf(ConnectionClosedException.class, e);
        assertEquals(1008, closed.peerCode(), closed.getMessage());
    }

    private static String satelliteKey(Path dir) {
        return NodeIdentity.loadOrGenerate(dir.resolve("satellite.pem"), 2048, true, new SecureRandom()).publicKeyPem();
    }

    private HubHarness hubWithIdentity(String file, ClientRecord record) {
        return HubHarness.builder().methods(List.of(newServerFactory())).clients(List.of(record))
                .dataDirectory(serverDir).settings(Map.of("rsa", PluginSettings.of(Map.of("identity_file",
                        serverDir.resolve(file).toString())))).build();
    }
}
