package dev.hivemind.auth.psk.contract;

import dev.hivemind.api.auth.ClientAuthFactory;
import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.auth.ServerAuthFactory;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.auth.psk.PskClientAuthFactory;
import dev.hivemind.auth.psk.PskServerAuthFactory;
import dev.hivemind.engine.tck.auth.AuthMethodContractTest;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's auth contract kit, run against the pre-shared key method. A pre-shared key is static across
 * connections and always used with AES-GCM and JSON-HEX, as in hivemind-core.
 */
class PskContractTest extends AuthMethodContractTest {
    private static final String KEY = "0123456789abcdef0123456789abcdef";

    @Override
    protected ServerAuthFactory newServerFactory() {
        return new PskServerAuthFactory();
    }

    @Override
    protected ClientAuthFactory newClientFactory() {
        return new PskClientAuthFactory();
    }

    @Override
    protected ClientRecord clientRecord(int clientId, String accessKey) {
        return ClientRecord.builder(accessKey).clientId(clientId).name("satellite").cryptoKey(KEY).build();
    }

    @Override
    protected ClientCredentials goodCredentials(String accessKey) {
        return new ClientCredentials(accessKey, null, KEY, Map.of());
    }

    @Override
    protected Optional<ClientCredentials> wrongCredentials(String accessKey) {
        return Optional.of(new ClientCredentials(accessKey, null, "fedcba9876543210fedcba9876543210", Map.of()));
    }

    @Override
    protected boolean negotiatesCipherAndEncoding() {
        return false;
    }

    @Override
    protected boolean keyConfirmedByHub() {
        return false;
    }

    @Override
    protected boolean freshKeyPerConnection() {
        return false;
    }
}
