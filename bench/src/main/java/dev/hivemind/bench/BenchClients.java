package dev.hivemind.bench;

import dev.hivemind.api.auth.ClientAuthFactory;
import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.auth.ServerAuthFactory;
import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.auth.password.PasswordClientAuthFactory;
import dev.hivemind.auth.password.PasswordServerAuthFactory;
import dev.hivemind.auth.psk.PskClientAuthFactory;
import dev.hivemind.auth.psk.PskServerAuthFactory;
import dev.hivemind.auth.rsa.RsaClientAuthFactory;
import dev.hivemind.auth.rsa.RsaServerAuthFactory;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The three built-in auth methods as the handshake benchmark uses them: both halves of the plugin, a client record the
 * hub admits, the satellite's credentials and each side's plugin settings (RSA identity files in the given folders).
 * The RSA client holds no key at first: the hub enrols the satellite's key on first use, then checks it every time.
 */
public enum BenchClients {
    PASSWORD(PasswordServerAuthFactory::new, PasswordClientAuthFactory::new) {
        @Override
        ClientRecord record(String accessKey) {
            return ClientRecord.builder(accessKey).clientId(1).name("bench").password(PASSWORD_TEXT).build();
        }

        @Override
        ClientCredentials credentials(String accessKey) {
            return new ClientCredentials(accessKey, PASSWORD_TEXT, null, Map.of());
        }
    },
    PSK(PskServerAuthFactory::new, PskClientAuthFactory::new) {
        @Override
        ClientRecord record(String accessKey) {
            return ClientRecord.builder(accessKey).clientId(1).name("bench").cryptoKey(CRYPTO_KEY).build();
        }

        @Override
        ClientCredentials credentials(String accessKey) {
            return new ClientCredentials(accessKey, null, CRYPTO_KEY, Map.of());
        }
    },
    RSA(RsaServerAuthFactory::new, RsaClientAuthFactory::new) {
        @Override
        ClientRecord record(String accessKey) {
            return ClientRecord.builder(accessKey).clientId(1).name("bench").build();
        }

        @Override
        ClientCredentials credentials(String accessKey) {
            return new ClientCredentials(accessKey, null, null, Map.of("rsa", "true"));
        }

        @Override
        Map<String, PluginSettings> settings(Path dir, String identity) {
            return Map.of("rsa", PluginSettings.of(Map.of("identity_file", dir.resolve(identity).toString())));
        }

        @Override
        Set<String> enrollOnFirstUse() {
            return Set.of("rsa");
        }
    };

    static final String PASSWORD_TEXT = "correct horse battery staple";
    static final String CRYPTO_KEY = "0123456789abcdef0123456789abcdef";

    private final Supplier<ServerAuthFactory> server;
    private final Supplier<ClientAuthFactory> client;

    BenchClients(Supplier<ServerAuthFactory> server, Supplier<ClientAuthFactory> client) {
        this.server = server;
        this.client = client;
    }

    ServerAuthFactory serverFactory() {
        return server.get();
    }

    ClientAuthFactory clientFactory() {
        return client.get();
    }

    /** The methods the hub lets enrol a client's key on first use. */
    Set<String> enrollOnFirstUse() {
        return Set.of();
    }

    abstract ClientRecord record(String accessKey);

    abstract ClientCredentials credentials(String accessKey);

    Map<String, PluginSettings> settings(Path dir, String identity) {
        return Map.of();
    }
}
