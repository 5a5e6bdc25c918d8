package dev.hivemind.transport.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.transport.ServerTls;
import dev.hivemind.api.transport.ServerTransportConfig;
import io.vertx.core.net.PemKeyCertOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's TLS files: generated once into the data directory, then reused; a half pair is refused. */
class ServerCertificatesTest {
    @TempDir
    Path home;

    private ServerTransportConfig config(Path cert, Path key, Path dataDirectory) {
        return new ServerTransportConfig("127.0.0.1", 0, ServerTransportConfig.DEFAULT_MAX_FRAME_BYTES,
                Duration.ofMinutes(1), new ServerTls(true, cert, key), dataDirectory, PluginSettings.empty());
    }

    @Test
    void generatesAPairAtFirstStartAndReusesIt() throws Exception {
        PemKeyCertOptions first = ServerCertificates.prepare(config(null, null, home), "test");
        Path cert = home.resolve("certs").resolve(ServerCertificates.CERT_FILE);
        Path key = home.resolve("certs").resolve(ServerCertificates.KEY_FILE);
        assertEquals(cert.toString(), first.getCertPath());
        assertEquals(key.toString(), first.getKeyPath());
        assertTrue(Files.readString(key).startsWith("-----BEGIN PRIVATE KEY-----\n"));
        if (Files.getFileStore(key).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        }
        String pin = ServerCertificates.pinOf(cert);
        assertTrue(pin.matches("[0-9a-f]{64}"), pin);

        ServerCertificates.prepare(config(null, null, home), "test");
        assertEquals(pin, ServerCertificates.pinOf(cert), "the existing pair is kept");
    }

    @Test
    void refusesACertificateWithoutItsKey() throws Exception {
        ServerCertificates.prepare(config(null, null, home), "test");
        Path key = home.resolve("certs").resolve(ServerCertificates.KEY_FILE);
        Files.delete(key);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServerCertificates.prepare(config(null, null, home), "test"));
        assertTrue(e.getMessage().contains(key.toString()), e.getMessage());
    }

    @Test
    void needsFilesOrADataDirectory() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServerCertificates.prepare(config(null, null, null), "test"));
        assertTrue(e.getMessage().startsWith("test: TLS is on"), e.getMessage());
    }
}
