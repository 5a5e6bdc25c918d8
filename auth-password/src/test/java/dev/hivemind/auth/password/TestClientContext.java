package dev.hivemind.auth.password;

import dev.hivemind.api.auth.ClientAuthContext;
import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.handshake.ServerHello;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** A client context with the given credentials, random source and worker pool. */
record TestClientContext(ClientCredentials credentials, SecureRandom random, WorkerPool pool) implements ClientAuthContext {
    static TestClientContext of(String password, SecureRandom random, WorkerPool pool) {
        return new TestClientContext(new ClientCredentials("access-key", password, null, Map.of()), random, pool);
    }

    @Override
    public ServerHello serverHello() {
        return new ServerHello("", "satellite::1::node1::default", "master:0.0.0.0");
    }

    @Override
    public String serverAddress() {
        return "127.0.0.1:5678";
    }

    @Override
    public <T> CompletionStage<T> compute(Supplier<T> task) {
        return pool.compute(task);
    }
}
