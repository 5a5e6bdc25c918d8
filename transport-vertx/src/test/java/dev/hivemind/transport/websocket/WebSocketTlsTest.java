package dev.hivemind.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.transport.AuthorizationToken;
import dev.hivemind.api.transport.ClientEndpoint;
import dev.hivemind.api.transport.ClientTls;
import dev.hivemind.api.transport.Connection;
import dev.hivemind.api.transport.Frame;
import dev.hivemind.api.transport.ServerTls;
import dev.hivemind.api.transport.ServerTransportConfig;
import dev.hivemind.engine.tck.transport.RecordingAcceptor;
import dev.hivemind.engine.tck.transport.RecordingHandler;
import dev.hivemind.transport.vertx.ServerCertificates;
import io.vertx.core.Vertx;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** wss: a self-signed certificate generated at first start, reached by SPKI pin, trust file, or not at all. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebSocketTlsTest {
    private static final AuthorizationToken TOKEN = new AuthorizationToken("WebSocketTlsTest", "tls-key");

    @TempDir
    static Path home;

    private final Vertx vertx = Vertx.vertx();
    private final WebSocketTransportClient client = new WebSocketTransportClient(vertx, PluginSettings.empty());
    private final RecordingAcceptor acceptor = RecordingAcceptor.knowing("tls-key");
    private WebSocketTransportServer server;
    private InetSocketAddress address;
    private Path certFile;

    @BeforeAll
    void startWss() throws Exception {
        server = new WebSocketTransportServer(vertx, config(home), acceptor);
        address = server.start().toCompletableFuture().get(30, TimeUnit.SECONDS);
        certFile = home.resolve("certs").resolve(ServerCertificates.CERT_FILE);
    }

    private static ServerTransportConfig config(Path dataDirectory) {
        return new ServerTransportConfig("127.0.0.1", 0, 1 << 20, Duration.ofMinutes(1), new ServerTls(true, null, null),
                dataDirectory, PluginSettings.empty());
    }

    @AfterAll
    void stop() {
        server.close();
        client.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private CompletableFuture<Connection> connect(ClientTls tls) {
        ClientEndpoint endpoint = new ClientEndpoint("wss", "127.0.0.1", address.getPort(), tls, 1 << 20,
                Duration.ofSeconds(10));
        return client.connect(endpoint, TOKEN, RecordingHandler::recorder).toCompletableFuture();
    }

    private void assertEchoes(Connection connection) throws Exception {
        RecordingHandler server = acceptor.awaitConnection();
        connection.send(Frame.text("over tls"));
        assertEquals("over tls", ((Frame.Text) server.nextFrame()).text());
        connection.close(dev.hivemind.api.error.CloseCode.NORMAL, "done");
        server.awaitClose();
    }

    private static Throwable rootCause(CompletableFuture<?> f) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(15, TimeUnit.SECONDS));
        Throwable t = e.getCause();
        while (t.getCause() != null && !(t instanceof SSLHandshakeException)) {
            t = t.getCause();
        }
        return t;
    }

    @Test
    void generatesASelfSignedCertificateWithAPrivateKeyFile() throws Exception {
        Path key = home.resolve("certs").resolve(ServerCertificates.KEY_FILE);
        assertTrue(Files.exists(certFile));
        assertTrue(Files.readString(key).startsWith("-----BEGIN PRIVATE KEY-----"));
        if (Files.getFileStore(key).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        }
        var cert = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(Files.newInputStream(certFile));
        assertEquals("CN=127.0.0.1", cert.getSubjectX500Principal().getName());
        assertEquals("RSA", cert.getPublicKey().getAlgorithm());
        assertEquals(2048, ((java.security.interfaces.RSAPublicKey) cert.getPublicKey()).getModulus().bitLength());
    }

    @Test
    void reusesTheGeneratedCertificateAtTheNextStart() throws Exception {
        String pin = ServerCertificates.pinOf(certFile);
        try (WebSocketTransportServer again = new WebSocketTransportServer(vertx, config(home), RecordingAcceptor.knowing())) {
            again.start().toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertEquals(pin, ServerCertificates.pinOf(certFile));
        }
    }

    @Test
    void connectsWithTheRightPinInHex() throws Exception {
        String pin = ServerCertificates.pinOf(certFile);
        assertEchoes(connect(new ClientTls(null, List.of(pin), false, true)).get(15, TimeUnit.SECONDS));
    }

    @Test
    void connectsWithTheRightPinInBase64() throws Exception {
        String pin = "sha256/" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(ServerCertificates.pinOf(certFile)));
        assertEchoes(connect(new ClientTls(null, List.of("0".repeat(64), pin), false, true)).get(15, TimeUnit.SECONDS));
    }

    @Test
    void refusesAServerWhoseKeyDoesNotMatchThePin() {
        int before = acceptor.admissionRequests().size();
        Throwable cause = rootCause(connect(new ClientTls(null, List.of("ab".repeat(32)), false, true)));
        assertTrue(cause instanceof SSLHandshakeException, "TLS refuses the server: " + cause);
        assertEquals(before, acceptor.admissionRequests().size(), "the token is never sent to an unpinned server");
    }

    @Test
    void refusesASelfSignedServerWithTheDefaultTrustStore() {
        Throwable cause = rootCause(connect(ClientTls.defaults()));
        assertTrue(cause instanceof SSLHandshakeException, "the JDK trust store does not know the hub: " + cause);
    }

    @Test
    void connectsWithTheCertificateAsTrustFileAndHostNameVerification() throws Exception {
        assertEchoes(connect(new ClientTls(certFile, List.of(), false, true)).get(15, TimeUnit.SECONDS));
    }

    @Test
    void connectsWhenVerificationIsExplicitlyTurnedOff() throws Exception {
        assertEchoes(connect(new ClientTls(null, List.of(), true, true)).get(15, TimeUnit.SECONDS));
    }

    @Test
    void rejectsAPinThatIsNotASha256Digest() {
        Throwable cause = assertThrows(ExecutionException.class,
                () -> connect(new ClientTls(null, List.of("deadbeef"), false, true)).get(5, TimeUnit.SECONDS)).getCause();
        assertTrue(cause instanceof IllegalArgumentException && cause.getMessage().contains("SPKI pin #1"), cause.toString());
    }
}
