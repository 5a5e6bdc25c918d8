package dev.hivemind.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The routing keys: site_id, binary_handler, and the upstream section of a hive of hives. */
class RoutingSettingsTest {
    @TempDir
    Path dir;

    @Test
    void withoutThemTheHubIsTheTopOfTheHiveWithoutABinaryHandler() {
        RoutingSettings r = ConfigLoader.fromYaml("", dir).routing();
        assertNull(r.siteId());
        assertTrue(r.optionalBinaryHandler().isEmpty());
        assertTrue(r.optionalUpstream().isEmpty());
    }

    @Test
    void anUpstreamWithAPasswordUsesThePasswordHandshake() {
        RoutingSettings r = ConfigLoader.fromYaml("""
                site_id: upstairs
                binary_handler: stt
                binary_handler_settings: {model: small}
                upstream:
                  url: wss://main.local:5678
                  access_key: K
                  password: P
                  reconnect_initial: 250ms
                  reconnect_max: 10s
                  tls: {pin_sha256: [abc]}
                """, dir).routing();
        assertEquals("upstairs", r.siteId());
        assertEquals("stt", r.binaryHandler());
        assertEquals("small", r.binaryHandlerSettings().string("model", ""));
        UpstreamSettings up = r.upstream();
        assertEquals(List.of("password"), up.authMethods());
        assertEquals(Duration.ofMillis(250), up.reconnectInitial());
        assertEquals(List.of("abc"), up.tlsPins());
        assertFalse(up.toString().contains("P]"), "no secret in toString");
    }

    @Test
    void secretsImplyTheMethodsAndAuthNamesThemExplicitly() {
        assertEquals(List.of("psk", "password"), ConfigLoader.fromYaml(
                "upstream: {url: ws://h:1, access_key: K, password: P, crypto_key: 0123456789abcdef}", dir)
                .routing().upstream().authMethods());
        assertEquals(List.of("rsa"), ConfigLoader.fromYaml("upstream: {url: ws://h:1, access_key: K, auth: [rsa]}", dir)
                .routing().upstream().authMethods());
    }

    @Test
    void anIncompleteUpstreamStopsStartUpWithAClearMessage() {
        assertEquals("upstream needs url and access_key (or remove the upstream section)", assertThrows(
                ConfigException.class, () -> ConfigLoader.fromYaml("upstream: {url: ws://h:1}", dir)).getMessage());
        assertEquals("upstream needs password, crypto_key, or auth naming the methods to use", assertThrows(
                ConfigException.class, () -> ConfigLoader.fromYaml("upstream: {url: ws://h:1, access_key: K}", dir))
                .getMessage());
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.fromYaml(
                "upstream: {url: ws://h:1, access_key: K, password: P, reconect_max: 1s}", dir)).getMessage()
                .contains("did you mean 'reconnect_max'"));
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.fromYaml(
                "upstream: {url: ws://h:1, access_key: K, password: P, reconnect_initial: 5s, reconnect_max: 1s}",
                dir)).getMessage().contains("below upstream.reconnect_initial"));
    }

    @Test
    void printConfigNeverShowsTheUpstreamSecrets() {
        String yaml = ConfigWriter.toYaml(ConfigLoader.fromYaml(
                "upstream: {url: ws://h:1, access_key: the-key, password: the-password}", dir));
        assertFalse(yaml.contains("the-key") || yaml.contains("the-password"), yaml);
        assertTrue(yaml.contains("url: ws://h:1"), yaml);
    }
}
