package dev.hivemind.dist.wiring;

import dev.hivemind.auth.rsa.NodeIdentity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/** An RSA key pair for a satellite: its private key saved to a file (for the {@code rsa.identity_file} option). */
record RsaKeys(Path identityFile, String publicPem) {
    static RsaKeys generate() throws IOException {
        NodeIdentity identity = NodeIdentity.generate(2048, new SecureRandom());
        Path dir = Files.createTempDirectory("hivemind-rsa-keys");
        Path file = dir.resolve("identity.pem");
        identity.save(file);
        file.toFile().deleteOnExit();
        dir.toFile().deleteOnExit();
        return new RsaKeys(file, identity.publicKeyPem());
    }
}
