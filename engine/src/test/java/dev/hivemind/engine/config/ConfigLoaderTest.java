package dev.hivemind.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.wire.CipherSuite;
import dev.hivemind.api.wire.TextEncoding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void emptyConfigurationGivesHivemindCoreDefaults() {
        HiveMindConfig c = ConfigLoader.fromYaml("", dir);
        assertEquals(dir, c.dataDirectory());
        assertEquals("master:0.0.0.0", c.nodeId());
        assertEquals(List.of(CipherSuite.CHACHA20_POLY1305, CipherSuite.AES_GCM), c.crypto().allowedCiphers());
        assertEquals(CryptoSettings.CORE_DEFAULT_ENCODINGS, c.crypto().allowedEncodings());
        assertEquals(Duration.ofSeconds(10), c.handshake().timeout());
        assertFalse(c.handshake().binarize());
        assertTrue(c.handshake().requireEncryption());
        assertEquals(List.of("password", "psk", "rsa"), c.authMethods());
        assertEquals(1, c.transports().size());
        assertEquals("websocket", c.transports().get(0).name());
        assertEquals(5678, c.transports().get(0).port());
        assertEquals("echo", c.agent());
    }

    @Test
    void fullConfigurationIsRead() {
        HiveMindConfig c = ConfigLoader.fromYaml("""
                node_id: hub-1
                binarize: true
                allowed_ciphers: [AES-GCM]
                allowed_encodings: JSON-HEX, JSON-B64
                handshake:
                  timeout: 3s
                  max_attempts: 2
                  min_protocol_version: 1
                  max_protocol_version: 2
                auth:
                  methods: [password]
                  rsa: {key_bits: 3072}
                transports:
                  websocket: {port: 0, idle_timeout: 30s, tls: {enabled: true}}
                  tcp: {host: 127.0.0.1, port: 7000, enabled: true}
                workers: {threads: 3, queue: 5}
                limits: {max_frame_bytes: 65536, replay_cache: 0}
                """, dir);
        assertEquals("hub-1", c.nodeId());
        assertTrue(c.handshake().binarize());
        assertEquals(List.of(CipherSuite.AES_GCM), c.crypto().allowedCiphers());
        assertEquals(List.of(TextEncoding.JSON_HEX, TextEncoding.JSON_B64), c.crypto().allowedEncodings());
        assertEquals(Duration.ofSeconds(3), c.handshake().timeout());
        assertEquals(2, c.handshake().maxAttempts());
        assertEquals(List.of("password"), c.authMethods());
        assertEquals(3072, c.authSettings("rsa").integer("key_bits", 0));
        assertEquals(2, c.transports().size());
        assertTrue(c.transports().get(0).tls().enabled());
        assertEquals(dir.resolve("certs").resolve("hivemind.crt"), c.transports().get(0).tls().certFile());
        assertEquals(7000, c.transports().get(1).port());
        assertEquals(3, c.workers().threads());
        assertEquals(65536, c.limits().maxFrameBytes());
        assertEquals(0, c.crypto().replayCacheSize());
    }

    @Test
    void unknownKeySuggestsTheClosestOne() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.fromYaml("handshake:\n  timout: 5s\n", dir));
        assertTrue(e.getMessage().contains("handshake.timout"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'timeout'"), e.getMessage());
    }

    @Test
    void unknownTopLevelKeyIsAnError() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.fromYaml("binarise: true\n", dir));
        assertTrue(e.getMessage().contains("did you mean 'binarize'"), e.getMessage());
    }

    @Test
    void unknownCipherNameIsAnErrorWithASuggestion() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.fromYaml("allowed_ciphers: [AES-GMC]\n", dir));
        assertTrue(e.getMessage().contains("did you mean 'AES-GCM'"), e.getMessage());
    }

    @Test
    void wrongTypesAndRangesAreErrors() {
        assertThrows(ConfigException.class, () -> ConfigLoader.fromYaml("handshake: {timeout: soon}\n", dir));
        assertThrows(ConfigException.class, () -> ConfigLoader.fromYaml("workers: {threads: 0}\n", dir));
        assertThrows(ConfigException.class, () -> ConfigLoader.fromYaml("transports: {websocket: {port: 70000}}\n", dir));
        assertThrows(ConfigException.class,
                () -> ConfigLoader.fromYaml("handshake: {min_protocol_version: 2, max_protocol_version: 1}\n", dir));
        assertThrows(ConfigException.class, () -> ConfigLoader.fromYaml("binarize: maybe\n", dir));
    }

    @Test
    void duplicateKeysAndBadYamlAreErrors() {
        assertThrows(ConfigException.class, () -> ConfigLoader.fromYaml("binarize: true\nbinarize: false\n", dir));
        assertThrows(ConfigException.class, () -> ConfigLoader.fromYaml("handshake: [\n", dir));
    }

    @Test
    void disabledTransportIsLeftOut() {
        HiveMindConfig c = ConfigLoader.fromYaml("transports:\n  websocket: {enabled: false}\n  tcp: {}\n", dir);
        assertEquals(List.of("tcp"), c.transports().stream().map(TransportSettings::name).toList());
        assertEquals(5680, c.transports().get(0).port());
    }

    @Test
    void missingFileIsAClearError() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(dir.resolve("nope.yaml"), dir));
        assertTrue(e.getMessage().contains("not found"));
    }

    @Test
    void loadsFromAFile() throws Exception {
        Path f = Files.writeString(dir.resolve("hivemind.yaml"), "node_id: from-file\n");
        assertEquals("from-file", ConfigLoader.load(f, dir).nodeId());
    }
}
