package dev.hivemind.auth.password;

import dev.hivemind.api.auth.ServerAuthContext;
import dev.hivemind.api.handshake.ServerHello;
import dev.hivemind.api.registry.ClientRecord;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * A server context for one connection of {@code client}, granted {@code credential}, with the given random source
 * and worker pool (blocking steps run there too).
 */
record TestServerContext(ClientRecord client, Optional<String> credential, SecureRandom random, WorkerPool pool)
        implements ServerAuthContext {
    static TestServerContext of(String password, SecureRandom random, WorkerPool pool) {
        ClientRecord record = ClientRecord.builder("access-key").clientId(1).name("satellite").password(password).build();
        return new TestServerContext(record, record.credential(PasswordServerAuthFactory.NAME), random, pool);
    }

    /** The same connection with no credential granted (the exchange must not fall back to the record). */
    TestServerContext withoutCredential() {
        return new TestServerContext(client, Optional.empty(), random, pool);
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return new InetSocketAddress("127.0.0.1", 40000);
    }

    @Override
    public ServerHello serverHello() {
        return new ServerHello("", "satellite::1::node1::default", "master:0.0.0.0");
    }

    @Override
    public <T> CompletionStage<T> compute(Supplier<T> task) {
        return pool.compute(task);
    }

    @Override
    public <T> CompletionStage<T> blocking(Supplier<T> task) {
        return pool.compute(task);
    }

}
