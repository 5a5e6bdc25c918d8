package dev.hivemind.engine.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code upstream:} section: the hub this node is a satellite of (a hive of hives). The link uses any installed
 * auth method and transport, runs a fresh handshake on every connection, and reconnects with exponential backoff.
 *
 * @param url              {@code ws://HOST:PORT}, {@code wss://…}, {@code tcp://…} or {@code tcps://…}
 * @param accessKey        this node's access key on the upstream hub
 * @param password         for the password handshake, or {@code null}
 * @param cryptoKey        a pre-shared key, or {@code null}
 * @param authMethods      the auth methods to use (one handshake method, optionally {@code psk}); by default those the
 *                         secrets imply ({@code psk} for a crypto key, {@code password} for a password)
 * @param options          method-specific client options (e.g. for {@code rsa}: {@code rsa.known_hosts_file})
 * @param userAgent        the user agent of the authorization token
 * @param reconnectInitial the first delay after a lost or failed connection
 * @param reconnectMax     the longest delay (the delay doubles up to it)
 * @param tlsTrust         trusted certificates (PEM) for {@code wss}/{@code tcps}, or {@code null}
 * @param tlsPins          accepted SPKI SHA-256 pins
 * @param tlsInsecure      accept any certificate (prefer pins)
 */
public record UpstreamSettings(String url, String accessKey, String password, String cryptoKey,
        List<String> authMethods, Map<String, String> options, String userAgent, Duration reconnectInitial,
        Duration reconnectMax, Path tlsTrust, List<String> tlsPins, boolean tlsInsecure) {

    /** Written instead of a secret by {@code print-config}. */
    public static final String HIDDEN = "(hidden)";

    public UpstreamSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(accessKey, "accessKey");
        authMethods = List.copyOf(authMethods);
        options = Map.copyOf(options);
        tlsPins = List.copyOf(tlsPins);
    }

    static UpstreamSettings read(ConfigSection s) {
        String url = s.string("url", null);
        String key = s.string("access_key", null);
        if (url == null || url.isBlank() || key == null || key.isBlank()) {
            throw new ConfigException("upstream needs url and access_key (or remove the upstream section)");
        }
        String password = s.string("password", null);
        String cryptoKey = s.string("crypto_key", null);
        List<String> methods = s.stringList("auth", List.of());
        if (methods.isEmpty()) {
            List<String> implied = new ArrayList<>();
            if (cryptoKey != null) {
                implied.add("psk");
            }
            if (password != null) {
                implied.add("password");
            }
            if (implied.isEmpty()) {
                throw new ConfigException("upstream needs password, crypto_key, or auth naming the methods to use");
            }
            methods = implied;
        }
        Map<String, String> options = new LinkedHashMap<>();
        s.rawSection("options").asMap().forEach((k, v) -> options.put(k, String.valueOf(v)));
        Duration initial = s.duration("reconnect_initial", Duration.ofSeconds(1));
        Duration max = s.duration("reconnect_max", Duration.ofMinutes(1));
        if (max.compareTo(initial) < 0) {
            throw new ConfigException("upstream.reconnect_max (" + max + ") is below upstream.reconnect_initial");
        }
        ConfigSection tls = s.section("tls");
        String trust = tls.string("trust", null);
        UpstreamSettings out = new UpstreamSettings(url.strip(), key, password, cryptoKey, methods, options,
                s.string("user_agent", "HiveMindJVM-hub"), initial, max, trust == null ? null : Path.of(trust),
                tls.stringList("pin_sha256", List.of()), tls.bool("insecure", false));
        tls.finish();
        s.finish();
        return out;
    }

    Map<String, Object> toTree() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", url);
        m.put("access_key", HIDDEN);
        if (password != null) {
            m.put("password", HIDDEN);
        }
        if (cryptoKey != null) {
            m.put("crypto_key", HIDDEN);
        }
        m.put("auth", authMethods);
        if (!options.isEmpty()) {
            m.put("options", options);
        }
        m.put("user_agent", userAgent);
        m.put("reconnect_initial", ConfigWriter.duration(reconnectInitial));
        m.put("reconnect_max", ConfigWriter.duration(reconnectMax));
        Map<String, Object> tls = new LinkedHashMap<>();
        if (tlsTrust != null) {
            tls.put("trust", tlsTrust.toString());
        }
        tls.put("pin_sha256", tlsPins);
        tls.put("insecure", tlsInsecure);
        m.put("tls", tls);
        return m;
    }

    /** Never prints secrets. */
    @Override
    public String toString() {
        return "UpstreamSettings[url=" + url + ", auth=" + authMethods + "]";
    }
}
