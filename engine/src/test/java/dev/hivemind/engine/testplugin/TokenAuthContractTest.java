package dev.hivemind.engine.testplugin;

import dev.hivemind.api.auth.ClientAuthFactory;
import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.auth.ServerAuthFactory;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.engine.tck.auth.AuthMethodContractTest;
import java.util.Map;
import java.util.Optional;

/** Runs the auth contract kit against the test-only token method: it validates the engine and the kit itself. */
class TokenAuthContractTest extends AuthMethodContractTest {
    @Override
    protected ServerAuthFactory newServerFactory() {
        return new TokenServerAuthFactory();
    }

    @Override
    protected ClientAuthFactory newClientFactory() {
        return new TokenClientAuthFactory();
    }

    @Override
    protected ClientRecord clientRecord(int clientId, String accessKey) {
        return ClientRecord.builder(accessKey).clientId(clientId).name("token-client")
                .credential("token", "s3cret token").password("not the token").build();
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
