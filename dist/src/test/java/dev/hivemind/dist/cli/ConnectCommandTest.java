package dev.hivemind.dist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code connect}'s choice of auth methods, checked before it opens a connection (the address is never dialled).
 * The handshakes themselves run against a real hub in the integration tests (DistributionIT, DropInPluginIT).
 */
class ConnectCommandTest {
    private static final String URL = "ws://127.0.0.1:9";

    @TempDir
    Path tmp;

    private CliRun.Result connect(String... options) {
        String[] args = new String[options.length + 4];
        args[0] = "connect";
        args[1] = URL;
        args[2] = "--access-key";
        args[3] = "some-access-key";
        System.arraycopy(options, 0, args, 4, options.length);
        return new CliRun(tmp).run(args);
    }

    private static void assertFailure(CliRun.Result r, String message) {
        assertEquals(1, r.exitCode(), r.err());
        assertEquals(1, r.errLines(), r.err());
        assertEquals("hivemind: " + message, r.err().strip());
    }

    @Test
    void anAuthMethodThatIsNotInstalledIsNamedWithTheInstalledOnes() {
        assertFailure(connect("--auth", "token", "--option", "token=secret-0123"),
                "auth method 'token' is not installed (installed: password, psk, rsa); put its jar in the plugins folder");
    }

    @Test
    void twoHandshakeMethodsAreRefused() {
        assertFailure(connect("--auth", "password,rsa", "--password", "pw-0123"),
                "choose one handshake method, not password and rsa (a key method such as psk may accompany it)");
        assertFailure(connect("--password", "pw-0123", "--rsa"), "choose one handshake: --password or --rsa");
    }

    @Test
    void aNamedMethodNeedsItsCredentials() {
        assertFailure(connect("--auth", "password"), "auth method 'password' lacks its credentials: give --password");
        assertFailure(connect("--auth", "psk", "--password", "pw-0123"),
                "auth method 'psk' lacks its credentials: give --crypto-key");
    }

    @Test
    void anEmptyAuthListIsRefused() {
        assertFailure(connect("--auth", ","), "--auth needs a method name (see 'hivemind list-plugins')");
    }

    @Test
    void withoutAnyModeItIsAUsageError() {
        CliRun.Result r = connect("--send", "hi");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("--auth") && r.err().contains("--password"), r.err());
    }

    @Test
    void optionsMustBeKeyValuePairs() {
        CliRun.Result r = connect("--auth", "password", "--password", "pw-0123", "--option", "no-equals-sign");
        assertEquals(2, r.exitCode(), r.err());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ws:/127.0.0.1::x       | not a hub URL: 'ws:/127.0.0.1::x' (e.g. ws://127.0.0.1:5678)",
            "127.0.0.1:5678         | not a hub URL: '127.0.0.1:5678' (e.g. ws://127.0.0.1:5678; did you mean ws://127.0.0.1:5678?)",
            "http://127.0.0.1:5678  | no installed transport speaks 'http://'; the installed ones speak tcp://, tcps://, ws://, wss://",
            "ws://127.0.0.1:99999   | not a hub URL: 'ws://127.0.0.1:99999' (port out of range: 99999; e.g. ws://127.0.0.1:5678)"})
    void aMalformedUrlIsAUsageError(String url, String message) {
        CliRun.Result r = new CliRun(tmp).run("connect", url, "--access-key", "some-access-key", "--password", "pw");
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("hivemind: " + message, r.err().lines().findFirst().orElse(""));
    }

    @Test
    void timeoutAndWaitMustBePositive() {
        assertEquals(2, connect("--password", "pw", "--timeout", "0").exitCode());
        assertEquals(2, connect("--password", "pw", "--wait", "-1").exitCode());
    }
}
