package dev.hivemind.auth.password;

import dev.hivemind.api.auth.ServerAuthContext;
import dev.hivemind.api.handshake.ServerHello;
import dev.hivemind.api.registry.ClientRecord;
import java.security.SecureRandom;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** A server context for one connection of {@code client}, with the given random source and worker pool. */
record TestServerContext(ClientRecord client, SecureRandom random, WorkerPool pool) implements ServerAuthContext {
    static TestServerContext of(String password, SecureRandom random, WorkerPool pool) {
        return new TestServerContext(ClientRecord.create(1, "access-key", "satellite", password, null), random, pool);
    }

    @Override
    public ServerHello serverHello() {
        return new ServerHello("", "satellite::1::node1::default", "master:0.0.0.0");
    }

    @Override
    public <T> CompletionStage<T> compute(Supplier<T> task) {
        return pool.compute(task);
    }
}
