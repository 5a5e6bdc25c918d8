package dev.hivemind.embedded;

import dev.hivemind.api.auth.ClientAuthFactory;
import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.engine.plugin.PluginCatalog;
import dev.hivemind.engine.plugin.PluginDiscoveryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Picks a satellite's auth methods: the ones named, else the ones its secrets imply (a crypto key: {@code psk}, a
 * password: {@code password}, the {@code rsa} option: {@code rsa}); each must be installed and configured by the
 * credentials, and at most one may be a handshake method.
 */
final class AuthSelection {
    private static final Map<String, String> HOW_TO_CONFIGURE = Map.of("password", "password(...)",
            "psk", "cryptoKey(...)", "rsa", "rsa()");

    private AuthSelection() {
    }

    static List<ClientAuthFactory> select(PluginCatalog catalog, List<String> named, ClientCredentials credentials) {
        List<String> names = named.isEmpty() ? implied(credentials) : List.copyOf(named);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("no auth method: give password(...), cryptoKey(...), rsa(), or name a"
                    + " drop-in method with authMethods(...) and its option(...) values");
        }
        List<ClientAuthFactory> methods;
        try {
            methods = catalog.selectClientAuth(names);
        } catch (PluginDiscoveryException e) {
            throw new IllegalStateException(e.getMessage() + " (add the hivemind-auth-" + names.get(0)
                    + " jar, or the drop-in's, to the class path)", e);
        }
        List<String> handshakes = methods.stream().filter(ClientAuthFactory::isHandshake)
                .map(ClientAuthFactory::name).toList();
        if (handshakes.size() > 1) {
            throw new IllegalArgumentException("choose one handshake method, not " + String.join(" and ", handshakes)
                    + " (a key method such as psk may accompany it): authMethods(...)");
        }
        for (ClientAuthFactory m : methods) {
            if (!m.configuredBy(credentials)) {
                throw new IllegalArgumentException("auth method '" + m.name() + "' lacks its credentials: give "
                        + HOW_TO_CONFIGURE.getOrDefault(m.name(), "the option(...) values it reads"));
            }
        }
        return methods;
    }

    private static List<String> implied(ClientCredentials credentials) {
        List<String> names = new ArrayList<>();
        if (credentials.optionalCryptoKey().isPresent()) {
            names.add("psk");
        }
        if (credentials.optionalPassword().isPresent()) {
            names.add("password");
        }
        if ("true".equals(credentials.options().get("rsa"))) {
            names.add("rsa");
        }
        return names;
    }
}
