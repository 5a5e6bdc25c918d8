package dev.hivemind.bench;

import dev.hivemind.api.auth.AuthMethodFactory;
import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.auth.password.PasswordAuthFactory;
import dev.hivemind.auth.psk.PskAuthFactory;
import dev.hivemind.auth.rsa.RsaAuthFactory;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The three built-in auth methods as the handshake benchmark uses them: the plugin, a client record the hub
 * admits, the satellite's credentials and each side's plugin settings (RSA identity files in the given folders).
 */
public enum BenchClients {
    PASSWORD(PasswordAuthFactory::new) {
        @Override
        ClientRecord record(String accessKey) {
            return ClientRecord.create(1, accessKey, "bench", PASSWORD_TEXT, null);
        }

        @Override
        ClientCredentials credentials(String accessKey) {
            return new ClientCredentials(accessKey, PASSWORD_TEXT, null, Map.of());
        }
    },
    PSK(PskAuthFactory::new) {
        @Override
        ClientRecord record(String accessKey) {
            return ClientRecord.create(1, accessKey, "bench", null, CRYPTO_KEY);
        }

        @Override
        ClientCredentials credentials(String accessKey) {
            return new ClientCredentials(accessKey, null, CRYPTO_KEY, Map.of());
        }
    },
    RSA(RsaAuthFactory::new) {
        @Override
        ClientRecord record(String accessKey) {
            return ClientRecord.create(1, accessKey, "bench", null, null);
        }

        @Override
        ClientCredentials credentials(String accessKey) {
            return new ClientCredentials(accessKey, null, null, Map.of("rsa", "true"));
        }

        @Override
        Map<String, PluginSettings> settings(Path dir, String identity) {
            return Map.of("rsa", PluginSettings.of(Map.of("identity_file", dir.resolve(identity).toString())));
        }
    };

    static final String PASSWORD_TEXT = "correct horse battery staple";
    static final String CRYPTO_KEY = "0123456789abcdef0123456789abcdef";

    private final Supplier<AuthMethodFactory> factory;

    BenchClients(Supplier<AuthMethodFactory> factory) {
        this.factory = factory;
    }

    AuthMethodFactory factory() {
        return factory.get();
    }

    abstract ClientRecord record(String accessKey);

    abstract ClientCredentials credentials(String accessKey);

    Map<String, PluginSettings> settings(Path dir, String identity) {
        return Map.of();
    }
}
