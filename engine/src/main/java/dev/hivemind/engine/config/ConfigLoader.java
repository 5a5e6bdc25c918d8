package dev.hivemind.engine.config;

import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.transport.ServerTls;
import dev.hivemind.api.wire.CipherSuite;
import dev.hivemind.api.wire.TextEncoding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the YAML configuration into a validated {@link HiveMindConfig}. Unknown keys, wrong types and unknown
 * cipher or encoding names are errors that name the key and suggest the closest known one.
 */
public final class ConfigLoader {
    /** Auth methods enabled when the configuration names none. */
    public static final List<String> DEFAULT_AUTH_METHODS = List.of("password", "psk", "rsa");

    private static final Map<String, Integer> DEFAULT_PORTS = Map.of("websocket", 5678, "tcp", 5680);

    private ConfigLoader() {
    }

    /** Loads a YAML file. */
    public static HiveMindConfig load(Path file, Path dataDirectory) {
        return fromTree(readYaml(file), dataDirectory);
    }

    /** Parses YAML text (an empty document gives every default). */
    public static HiveMindConfig fromYaml(String yaml, Path dataDirectory) {
        return fromTree(parseYaml(yaml, "configuration"), dataDirectory);
    }

    /** Reads a YAML file into a tree. */
    public static Map<String, Object> readYaml(Path file) {
        try {
            return parseYaml(Files.readString(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new ConfigException("configuration file not found: " + file);
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> parseYaml(String yaml, String source) {
        try {
            return yaml.isBlank() ? Map.of() : YamlTree.read(yaml);
        } catch (IOException e) {
            throw new ConfigException("invalid YAML in " + source + ": " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
        }
    }

    /** Validates a configuration tree (the same keys as the YAML file). */
    public static HiveMindConfig fromTree(Map<String, ?> tree, Path dataDirectory) {
        ConfigSection root = new ConfigSection("", tree);
        Path dataDir = Path.of(root.string("data_dir", dataDirectory == null ? defaultDataDirectory().toString()
                : dataDirectory.toString()));
        Path plugins = Path.of(root.string("plugins_dir", dataDir.resolve("plugins").toString()));
        String nodeId = root.string("node_id", "master:0.0.0.0");

        HandshakeSettings hd = HandshakeSettings.defaults();
        ConfigSection hs = root.section("handshake");
        int minVersion = hs.integer("min_protocol_version", hd.minProtocolVersion(), 0, 2);
        int maxVersion = hs.integer("max_protocol_version", hd.maxProtocolVersion(), 0, 2);
        if (minVersion > maxVersion) {
            throw new ConfigException("handshake.min_protocol_version (" + minVersion
                    + ") is above handshake.max_protocol_version (" + maxVersion + ")");
        }
        HandshakeSettings handshake = new HandshakeSettings(hs.bool("enabled", hd.enabled()),
                hs.duration("timeout", hd.timeout()), hs.integer("max_attempts", hd.maxAttempts(), 1, 100),
                minVersion, maxVersion, root.bool("binarize", hd.binarize()),
                hs.bool("require_encryption", hd.requireEncryption()));
        hs.finish();

        CryptoSettings cd = CryptoSettings.defaults();
        List<CipherSuite> ciphers = new ArrayList<>();
        for (String name : root.stringList("allowed_ciphers", names(cd.allowedCiphers()))) {
            ciphers.add(CipherSuite.fromWire(name).orElseThrow(() -> unknownName("allowed_ciphers", name,
                    Arrays.stream(CipherSuite.values()).map(CipherSuite::wireName).toList())));
        }
        List<TextEncoding> encodings = new ArrayList<>();
        for (String name : root.stringList("allowed_encodings", encodingNames(cd.allowedEncodings()))) {
            encodings.add(TextEncoding.fromWire(name).orElseThrow(() -> unknownName("allowed_encodings", name,
                    Arrays.stream(TextEncoding.values()).map(TextEncoding::wireName).toList())));
        }
        if (ciphers.isEmpty() || encodings.isEmpty()) {
            throw new ConfigException("allowed_ciphers and allowed_encodings must each name at least one entry");
        }

        LimitSettings ld = LimitSettings.defaults();
        ConfigSection ls = root.section("limits");
        LimitSettings limits = new LimitSettings(ls.integer("max_frame_bytes", ld.maxFrameBytes(), 1024, 64 << 20),
                ls.integer("max_json_depth", ld.maxJsonDepth(), 4, 1000),
                ls.integer("max_connections", ld.maxConnections(), 1, 10_000_000),
                ls.integer("max_pending_handshakes", ld.maxPending(), 1, 10_000_000),
                ls.integer("max_auth_failures", ld.maxAuthFailures(), 0, 1_000_000),
                ls.duration("auth_failure_window", ld.failureWindow()));
        SourceLimits sd = ld.sources();
        limits = limits.withSources(new SourceLimits(
                ls.integer("max_address_failures", sd.maxAddressFailures(), 0, 1_000_000),
                ls.integer("kdf_per_client", sd.kdfPerClient(), 0, 1_000_000),
                ls.integer("kdf_per_address", sd.kdfPerAddress(), 0, 1_000_000),
                ls.duration("kdf_window", sd.kdfWindow()),
                ls.integer("max_pending_per_address", sd.maxPendingPerAddress(), 1, 10_000_000)));
        int replayCache = ls.integer("replay_cache", cd.replayCacheSize(), 0, dev.hivemind.engine.crypto.ReplayGuard.MAX_FINGERPRINTS);
        ls.finish();
        CryptoSettings crypto = new CryptoSettings(ciphers, encodings, replayCache);

        ConfigSection auth = root.section("auth");
        boolean methodsDefaulted = !auth.has("methods");
        List<String> methods = auth.stringList("methods", DEFAULT_AUTH_METHODS);
        Map<String, PluginSettings> authSettings = new LinkedHashMap<>();
        for (String key : List.copyOf(auth.presentKeys())) {
            if (!key.equals("methods")) {
                authSettings.put(key, auth.rawSection(key));
            }
        }
        auth.finish();

        ConfigSection ts = root.section("transports");
        List<TransportSettings> transports = new ArrayList<>();
        Path certDir = dataDir.resolve("certs");
        if (ts.presentKeys().isEmpty()) {
            transports.add(new TransportSettings("websocket", "0.0.0.0", 5678, limits.maxFrameBytes(),
                    Duration.ofMinutes(5), new ServerTls(false, certDir.resolve("hivemind.crt"),
                    certDir.resolve("hivemind.key")), PluginSettings.empty()));
        }
        for (String name : List.copyOf(ts.presentKeys())) {
            ConfigSection t = ts.section(name);
            boolean enabled = t.bool("enabled", true);
            String host = t.string("host", "0.0.0.0");
            int port = t.integer("port", DEFAULT_PORTS.getOrDefault(name, 0), 0, 65535);
            int maxFrame = t.integer("max_frame_bytes", limits.maxFrameBytes(), 1024, 64 << 20);
            Duration idle = t.duration("idle_timeout", Duration.ofMinutes(5));
            ConfigSection tls = t.section("tls");
            boolean tlsOn = tls.bool("enabled", false);
            ServerTls serverTls = new ServerTls(tlsOn,
                    Path.of(tls.string("cert_file", certDir.resolve("hivemind.crt").toString())),
                    Path.of(tls.string("key_file", certDir.resolve("hivemind.key").toString())));
            tls.finish();
            PluginSettings extra = t.rawSection("options");
            t.finish();
            if (enabled) {
                transports.add(new TransportSettings(name, host, port, maxFrame, idle, serverTls, extra));
            }
        }
        ts.finish();

        WorkerSettings wd = WorkerSettings.defaults();
        ConfigSection ws = root.section("workers");
        WorkerSettings workers = new WorkerSettings(ws.integer("threads", wd.threads(), 1, 1024),
                ws.integer("queue", wd.queueCapacity(), 0, 1_000_000));
        ws.finish();

        String agent = root.string("agent", "echo");
        PluginSettings agentSettings = root.rawSection("agent_settings");
        RoutingSettings routing = RoutingSettings.read(root);
        RegistrySettings registry = RegistrySettings.read(root);
        ClusterSettings cluster = ClusterSettings.read(root.section("cluster"));
        root.finish();

        return new HiveMindConfig(nodeId, dataDir, plugins, handshake, crypto, methods, authSettings, transports,
                workers, limits, agent, agentSettings, methodsDefaulted, routing, registry, cluster);
    }

    /** {@code $HIVEMIND_HOME}, else {@code ~/.local/share/hivemind-jvm}. */
    public static Path defaultDataDirectory() {
        String home = System.getenv("HIVEMIND_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home);
        }
        return Path.of(System.getProperty("user.home"), ".local", "share", "hivemind-jvm");
    }

    private static List<String> names(List<CipherSuite> ciphers) {
        return ciphers.stream().map(CipherSuite::wireName).toList();
    }

    private static List<String> encodingNames(List<TextEncoding> encodings) {
        return encodings.stream().map(TextEncoding::wireName).toList();
    }

    private static ConfigException unknownName(String key, String name, List<String> known) {
        String hint = Suggestions.closest(name, known).map(s -> "; did you mean '" + s + "'?").orElse("");
        return new ConfigException(key + ": unknown name '" + name + "'" + hint + " (known: " + String.join(", ", known) + ")");
    }
}
