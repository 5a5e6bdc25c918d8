package dev.hivemind.auth.rsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.plugin.PluginSettings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Settings: defaults, validation (key sizes, unknown keys, types) and the client's {@code rsa.} options. */
class RsaSettingsTest {
    private static final Path DATA = Path.of("/var/lib/hivemind");

    @Test
    void defaultsLiveInTheDataDirectory() {
        RsaSettings s = RsaSettings.from(PluginSettings.empty(), DATA);
        assertEquals(DATA.resolve("HiveMindComs.pem"), s.identityFile());
        assertEquals(DATA.resolve("rsa_known_hosts"), s.knownHostsFile());
        assertEquals(2048, s.keyBits());
        assertTrue(s.generateIdentity());
        assertFalse(s.strictHostKeys());
    }

    @ParameterizedTest(name = "key_bits {0} is allowed")
    @ValueSource(ints = {2048, 3072, 4096})
    void allowedKeySizes(int bits) {
        assertEquals(bits, RsaSettings.from(PluginSettings.of(Map.of("key_bits", bits)), DATA).keyBits());
    }

    @ParameterizedTest(name = "key_bits {0} is a config error")
    @ValueSource(ints = {512, 1024, 2047, 2560, 8192, 16384, 0})
    void otherKeySizesAreConfigErrors(int bits) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RsaSettings.from(PluginSettings.of(Map.of("key_bits", bits)), DATA));
        assertTrue(e.getMessage().contains("key_bits"), e.getMessage());
    }

    @Test
    void unknownKeyIsAConfigError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RsaSettings.from(PluginSettings.of(Map.of("keybits", 2048)), DATA));
        assertTrue(e.getMessage().contains("keybits") && e.getMessage().contains("key_bits"), e.getMessage());
    }

    @Test
    void wrongTypeIsAConfigError() {
        assertThrows(IllegalArgumentException.class,
                () -> RsaSettings.from(PluginSettings.of(Map.of("strict_host_keys", "maybe")), DATA));
    }

    @Test
    void relativePathsResolveAgainstTheDataDirectoryAbsoluteOnesStay() {
        RsaSettings s = RsaSettings.from(PluginSettings.of(Map.of("identity_file", "keys/node.pem",
                "known_hosts_file", "/etc/hivemind/hosts")), DATA);
        assertEquals(DATA.resolve("keys/node.pem"), s.identityFile());
        assertEquals(Path.of("/etc/hivemind/hosts"), s.knownHostsFile());
    }

    @Test
    void clientOptionsOverrideThePluginSettings() {
        RsaSettings base = RsaSettings.from(PluginSettings.empty(), DATA);
        RsaSettings c = base.forClient(new ClientCredentials("k", null, null, Map.of("rsa", "true",
                "rsa.identity_file", "/home/me/id.pem", "rsa.known_hosts_file", "hosts", "rsa.strict_host_keys", "TRUE")), DATA);
        assertEquals(Path.of("/home/me/id.pem"), c.identityFile());
        assertEquals(DATA.resolve("hosts"), c.knownHostsFile());
        assertTrue(c.strictHostKeys());
        assertEquals(base, base.forClient(new ClientCredentials("k", null, null, Map.of("rsa", "true")), DATA));
    }

    @Test
    void malformedStrictOptionIsRefused() {
        RsaSettings base = RsaSettings.from(PluginSettings.empty(), DATA);
        assertThrows(IllegalArgumentException.class, () -> base.forClient(
                new ClientCredentials("k", null, null, Map.of("rsa.strict_host_keys", "yes")), DATA));
    }
}
