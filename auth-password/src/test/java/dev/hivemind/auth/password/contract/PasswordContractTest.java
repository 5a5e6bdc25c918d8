package dev.hivemind.auth.password.contract;

import dev.hivemind.api.auth.ClientAuthFactory;
import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.auth.ServerAuthFactory;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.auth.password.PasswordClientAuthFactory;
import dev.hivemind.auth.password.PasswordServerAuthFactory;
import dev.hivemind.engine.tck.auth.AuthMethodContractTest;
import java.util.Map;
import java.util.Optional;

/** The engine's auth contract kit, run against the password method. */
class PasswordContractTest extends AuthMethodContractTest {
    private static final String PASSWORD = "correct horse battery staple ✓";

    @Override
    protected ServerAuthFactory newServerFactory() {
        return new PasswordServerAuthFactory();
    }

    @Override
    protected ClientAuthFactory newClientFactory() {
        return new PasswordClientAuthFactory();
    }

    @Override
    protected ClientRecord clientRecord(int clientId, String accessKey) {
        return ClientRecord.builder(accessKey).clientId(clientId).name("satellite").password(PASSWORD).build();
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
