package dev.hivemind.engine.testplugin;

import dev.hivemind.api.auth.AuthMethodFactory;
import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.engine.tck.auth.AuthMethodContractTest;
import java.util.Map;
import java.util.Optional;

/** Runs the auth contract kit against the test-only token method: it validates the engine and the kit itself. */
class TokenAuthContractTest extends AuthMethodContractTest {
    @Override
    protected AuthMethodFactory newServerFactory() {
        return new TokenAuthFactory();
    }

    @Override
    protected AuthMethodFactory newClientFactory() {
        return new TokenAuthFactory();
    }

    @Override
    protected ClientRecord clientRecord(int clientId, String accessKey) {
        return ClientRecord.create(clientId, accessKey, "token-client", "s3cret token", null);
    }

    @Override
    protected ClientCredentials goodCredentials(String accessKey) {
        return new ClientCredentials(accessKey, null, null, Map.of("token", "s3cret token"));
    }

    @Override
    protected Optional<ClientCredentials> wrongCredentials(String accessKey) {
        return Optional.of(new ClientCredentials(accessKey, null, null, Map.of("token", "wrong")));
    }
}
