package dev.hivemind.auth.psk;

import dev.hivemind.api.auth.ClientAuthContext;
import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.auth.ServerAuthContext;
import dev.hivemind.api.handshake.ServerHello;
import dev.hivemind.api.registry.ClientRecord;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** Auth contexts for the pre-shared key mode, which never runs a CPU-heavy step: {@code compute} fails. */
final class TestContexts {
    private static final ServerHello HELLO = new ServerHello("", "satellite::7::node1::default", "master:0.0.0.0");

    private TestContexts() {
    }

    static ServerAuthContext server(int clientId, String cryptoKey) {
        ClientRecord record = ClientRecord.builder("access-" + clientId).clientId(clientId).name("satellite").cryptoKey(cryptoKey).build();
        return new ServerAuthContext() {
            @Override
            public ClientRecord client() {
                return record;
            }

            @Override
            public Optional<String> credential() {
                return record.credential(PskServerAuthFactory.NAME);
            }

            @Override
            public InetSocketAddress remoteAddress() {
                return new InetSocketAddress("127.0.0.1", 40000);
            }

            @Override
            public ServerHello serverHello() {
                return HELLO;
            }

            @Override
            public SecureRandom random() {
                return new SecureRandom();
            }

            @Override
            public <T> CompletionStage<T> compute(Supplier<T> task) {
                return CompletableFuture.failedFuture(new AssertionError("the pre-shared key mode never computes"));
            }

            @Override
            public <T> CompletionStage<T> blocking(Supplier<T> task) {
                return CompletableFuture.failedFuture(new AssertionError("the pre-shared key mode never blocks"));
            }
        };
    }

    static ClientAuthContext client(String cryptoKey) {
        ClientCredentials credentials = new ClientCredentials("access-7", null, cryptoKey, Map.of());
        return new ClientAuthContext() {
            @Override
            public ClientCredentials credentials() {
                return credentials;
            }

            @Override
            public ServerHello serverHello() {
                return HELLO;
            }

            @Override
            public String serverAddress() {
                return "127.0.0.1:5678";
            }

            @Override
            public SecureRandom random() {
                return new SecureRandom();
            }

            @Override
            public <T> CompletionStage<T> compute(Supplier<T> task) {
                return CompletableFuture.failedFuture(new AssertionError("the pre-shared key mode never computes"));
            }
        };
    }
}
