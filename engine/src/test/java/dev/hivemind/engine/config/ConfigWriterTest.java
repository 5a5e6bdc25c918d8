package dev.hivemind.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigWriterTest {
    @TempDir
    Path dir;

    @Test
    void writtenConfigurationLoadsBackEqual() {
        HiveMindConfig original = ConfigLoader.fromYaml("""
                node_id: hub-7
                binarize: true
                allowed_ciphers: [AES-GCM]
                handshake: {timeout: 1500ms, max_attempts: 4}
                auth: {methods: [password, rsa], rsa: {key_bits: 3072}}
                transports:
                  websocket: {port: 1234, idle_timeout: 2m, tls: {enabled: true}}
                  tcp: {port: 1235, options: {nodelay: true}}
                limits: {max_auth_failures: 3, auth_failure_window: 30s}
                """, dir);
        HiveMindConfig again = ConfigLoader.fromYaml(ConfigWriter.toYaml(original), dir);
        assertEquals(original, again);
    }

    @Test
    void defaultsRoundTrip() {
        HiveMindConfig original = ConfigLoader.fromYaml("", dir);
        assertEquals(original, ConfigLoader.fromYaml(ConfigWriter.toYaml(original), dir));
    }
}
