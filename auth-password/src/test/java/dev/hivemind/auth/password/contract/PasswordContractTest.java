package dev.hivemind.auth.password.contract;

import dev.hivemind.api.auth.AuthMethodFactory;
import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.auth.password.PasswordAuthFactory;
import dev.hivemind.engine.tck.auth.AuthMethodContractTest;
import java.util.Map;
import java.util.Optional;

/** The engine's auth contract kit, run against the password method. */
class PasswordContractTest extends AuthMethodContractTest {
    private static final String PASSWORD = "correct horse battery staple ✓";

    @Override
    protected AuthMethodFactory newServerFactory() {
        return new PasswordAuthFactory();
    }

    @Override
    protected AuthMethodFactory newClientFactory() {
        return new PasswordAuthFactory();
    }

    @Override
    protected ClientRecord clientRecord(int clientId, String accessKey) {
        return ClientRecord.create(clientId, accessKey, "satellite", PASSWORD, null);
    }

    @Override
    protected ClientCredentials goodCredentials(String accessKey) {
        return new ClientCredentials(accessKey, PASSWORD, null, Map.of());
    }

    @Override
    protected Optional<ClientCredentials> wrongCredentials(String accessKey) {
        return Optional.of(new ClientCredentials(accessKey, "correct horse battery stapler", null, Map.of()));
    }
}
