package dev.hivemind.engine.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.wire.CipherSuite;
import dev.hivemind.api.wire.TextEncoding;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a {@link HiveMindConfig} back as the YAML tree {@link ConfigLoader} reads (for {@code print-config}); the
 * output loads to an equal configuration.
 */
public final class ConfigWriter {
    private ConfigWriter() {
    }

    /** The configuration as a tree with the YAML file's keys. */
    public static Map<String, Object> toTree(HiveMindConfig c) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("node_id", c.nodeId());
        root.put("data_dir", c.dataDirectory().toString());
        root.put("plugins_dir", c.pluginsDirectory().toString());
        root.put("binarize", c.handshake().binarize());
        root.put("allowed_ciphers", c.crypto().allowedCiphers().stream().map(CipherSuite::wireName).toList());
        root.put("allowed_encodings", c.crypto().allowedEncodings().stream().map(TextEncoding::wireName).toList());
        Map<String, Object> hs = new LinkedHashMap<>();
        hs.put("enabled", c.handshake().enabled());
        hs.put("timeout", duration(c.handshake().timeout()));
        hs.put("max_attempts", c.handshake().maxAttempts());
        hs.put("min_protocol_version", c.handshake().minProtocolVersion());
        hs.put("max_protocol_version", c.handshake().maxProtocolVersion());
        hs.put("require_encryption", c.handshake().requireEncryption());
        root.put("handshake", hs);
        Map<String, Object> auth = new LinkedHashMap<>();
        if (!c.authMethodsDefaulted()) {
            auth.put("methods", c.authMethods());
        }
        c.authSettings().forEach((name, s) -> auth.put(name, s.asMap()));
        root.put("auth", auth);
        Map<String, Object> transports = new LinkedHashMap<>();
        for (TransportSettings t : c.transports()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("enabled", true);
            m.put("host", t.host());
            m.put("port", t.port());
            m.put("max_frame_bytes", t.maxFrameBytes());
            m.put("idle_timeout", duration(t.idleTimeout()));
            Map<String, Object> tls = new LinkedHashMap<>();
            tls.put("enabled", t.tls().enabled());
            tls.put("cert_file", String.valueOf(t.tls().certFile()));
            tls.put("key_file", String.valueOf(t.tls().keyFile()));
            m.put("tls", tls);
            if (!t.extra().asMap().isEmpty()) {
                m.put("options", t.extra().asMap());
            }
            transports.put(t.name(), m);
        }
        root.put("transports", transports);
        root.put("workers", Map.of("threads", c.workers().threads(), "queue", c.workers().queueCapacity()));
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("max_frame_bytes", c.limits().maxFrameBytes());
        limits.put("max_json_depth", c.limits().maxJsonDepth());
        limits.put("max_connections", c.limits().maxConnections());
        limits.put("max_pending_handshakes", c.limits().maxPending());
        limits.put("max_auth_failures", c.limits().maxAuthFailures());
        limits.put("auth_failure_window", duration(c.limits().failureWindow()));
        limits.put("max_address_failures", c.limits().sources().maxAddressFailures());
        limits.put("kdf_per_client", c.limits().sources().kdfPerClient());
        limits.put("kdf_per_address", c.limits().sources().kdfPerAddress());
        limits.put("kdf_window", duration(c.limits().sources().kdfWindow()));
        limits.put("max_pending_per_address", c.limits().sources().maxPendingPerAddress());
        limits.put("replay_cache", c.crypto().replayCacheSize());
        root.put("limits", limits);
        root.put("agent", c.agent());
        PluginSettings agent = c.agentSettings();
        if (!agent.asMap().isEmpty()) {
            root.put("agent_settings", agent.asMap());
        }
        c.routing().write(root);
        root.put("registry", c.registry().toTree());
        if (c.cluster().enabled() || !c.cluster().equals(ClusterSettings.defaults())) {
            root.put("cluster", c.cluster().toTree());
        }
        return root;
    }

    /** The configuration as YAML text. */
    public static String toYaml(HiveMindConfig c) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
        try {
            return yaml.writeValueAsString(toTree(c));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the configuration", e);
        }
    }

    static String duration(Duration d) {
        if (d.toMillis() % 1000 != 0) {
            return d.toMillis() + "ms";
        }
        long s = d.toSeconds();
        return s % 60 == 0 && s >= 60 ? (s / 60) + "m" : s + "s";
    }
}
