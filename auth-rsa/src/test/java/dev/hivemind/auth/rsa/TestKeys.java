package dev.hivemind.auth.rsa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The fixed 2048-bit key pairs of the HiveMind RSA vector, used wherever a test needs real keys (no key generation). */
final class TestKeys {
    private TestKeys() {
    }

    static String serverPrivatePem() {
        return Vectors.rsaHandshake().get("server_private_pem").asText();
    }

    static String clientPrivatePem() {
        return Vectors.rsaHandshake().get("client_private_pem").asText();
    }

    static String serverPublicPem() {
        return Vectors.rsaHandshake().get("server_public_pem").asText();
    }

    static String clientPublicPem() {
        return Vectors.rsaHandshake().get("client_public_pem").asText();
    }

    static NodeIdentity server() {
        return NodeIdentity.of(RsaPem.readPrivateKey(serverPrivatePem()));
    }

    static NodeIdentity client() {
        return NodeIdentity.of(RsaPem.readPrivateKey(clientPrivatePem()));
    }

    /** Writes a PEM into {@code file} (creating parent directories), as a user would place an identity file. */
    static Path write(Path file, String pem) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, pem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
