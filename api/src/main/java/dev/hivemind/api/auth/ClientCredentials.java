package dev.hivemind.api.auth;

import java.util.Map;
import java.util.Optional;

/**
 * A client's configured credentials. The access key only admits the connection; the auth method reads the
 * secret it needs ({@code password}, {@code crypto_key}) or its own options (for example RSA key paths).
 *
 * @param accessKey the access key sent in the authorization token
 * @param password  the password, or {@code null}
 * @param cryptoKey the pre-shared key, or {@code null}
 * @param options   further method-specific options, by name
 */
public record ClientCredentials(String accessKey, String password, String cryptoKey, Map<String, String> options) {
    public ClientCredentials {
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    public Optional<String> optionalPassword() {
        return Optional.ofNullable(password).filter(p -> !p.isEmpty());
    }

    public Optional<String> optionalCryptoKey() {
        return Optional.ofNullable(cryptoKey).filter(k -> !k.isEmpty());
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    /** Never prints secrets. */
    @Override
    public String toString() {
        return "ClientCredentials[password=" + (password == null ? "no" : "yes") + ", crypto_key="
                + (cryptoKey == null ? "no" : "yes") + ", options=" + options.keySet() + "]";
    }
}
