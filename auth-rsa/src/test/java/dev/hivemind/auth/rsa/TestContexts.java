package dev.hivemind.auth.rsa;

import dev.hivemind.api.auth.ClientAuthContext;
import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.auth.ServerAuthContext;
import dev.hivemind.api.error.ServerBusyException;
import dev.hivemind.api.handshake.ServerHello;
import dev.hivemind.api.plugin.PluginContext;
import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.registry.ClientRecord;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Small real implementations of the contexts the engine hands to plugins (no mocking library). */
final class TestContexts {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestContexts() {
    }

    /** Runs compute tasks on a real pool and counts them; can be switched to refuse work like a full pool. */
    static final class Worker {
        final AtomicInteger calls = new AtomicInteger();
        private final Executor pool = ForkJoinPool.commonPool();
        volatile boolean busy;

        <T> CompletionStage<T> compute(Supplier<T> task) {
            calls.incrementAndGet();
            if (busy) {
                return CompletableFuture.failedFuture(new ServerBusyException("server busy", "test pool full"));
            }
            return CompletableFuture.supplyAsync(task, pool);
        }
    }

    record Plugin(PluginSettings settings, Path dataDirectory) implements PluginContext {
        static Plugin of(Path dataDirectory, Map<String, ?> settings) {
            return new Plugin(PluginSettings.of(settings), dataDirectory);
        }

        @Override
        public Clock clock() {
            return Clock.systemUTC();
        }

        @Override
        public SecureRandom random() {
            return RANDOM;
        }
    }

    /** A server context granting the record's {@code rsa} credential (empty: the hub is enrolling a first key). */
    record Server(ClientRecord client, ServerHello serverHello, Worker worker) implements ServerAuthContext {
        @Override
        public Optional<String> credential() {
            return client.credential(RsaServerAuthFactory.NAME);
        }

        @Override
        public InetSocketAddress remoteAddress() {
            return new InetSocketAddress("127.0.0.1", 40000);
        }

        @Override
        public SecureRandom random() {
            return RANDOM;
        }

        @Override
        public <T> CompletionStage<T> compute(Supplier<T> task) {
            return worker.compute(task);
        }

        @Override
        public <T> CompletionStage<T> blocking(Supplier<T> task) {
            return worker.compute(task);
        }

    }

    record Client(ClientCredentials credentials, ServerHello serverHello, String serverAddress, Worker worker)
            implements ClientAuthContext {
        @Override
        public SecureRandom random() {
            return RANDOM;
        }

        @Override
        public <T> CompletionStage<T> compute(Supplier<T> task) {
            return worker.compute(task);
        }
    }

    static ClientCredentials rsaCredentials(Map<String, String> extraOptions) {
        Map<String, String> options = new java.util.HashMap<>(extraOptions);
        options.put(RsaSettings.OPT_ENABLED, "true");
        return new ClientCredentials("access-key", null, null, options);
    }

    static ClientRecord record(String rsaPublicKey) {
        return ClientRecord.builder("access-key").clientId(7).name("satellite")
                .credential(RsaServerAuthFactory.NAME, rsaPublicKey).build();
    }
}
