package dev.hivemind.auth.rsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node identity: generated once (2048 by default; 3072 and 4096 allowed), stored as PKCS#1 PEM with mode
 * 0600, never overwritten, loaded from PKCS#1 or PKCS#8, and refused when outside the key policy. The 3072- and
 * 4096-bit keys are generated once for the whole class.
 */
class NodeIdentityTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static NodeIdentity generated3072;
    private static NodeIdentity generated4096;

    @TempDir
    Path tmp;

    @BeforeAll
    static void generateLargeKeysOnce() {
        generated3072 = NodeIdentity.generate(3072, RANDOM);
        generated4096 = NodeIdentity.generate(4096, RANDOM);
    }

    @Test
    void firstStartGeneratesA2048BitIdentityWithMode0600() throws Exception {
        Path file = tmp.resolve("HiveMindComs.pem");
        NodeIdentity id = NodeIdentity.loadOrGenerate(file, NodeIdentity.DEFAULT_KEY_BITS, true, RANDOM);
        assertEquals(2048, id.publicKey().modulusBits());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String text = Files.readString(file);
        assertTrue(text.startsWith("-----BEGIN RSA PRIVATE KEY-----\n"), "PKCS#1, as HiveMind writes it");
        assertEquals(1, Files.list(tmp).count(), "no temporary file left behind");
    }

    @Test
    void laterStartsLoadTheSameKeyWithoutRewritingIt() throws Exception {
        Path file = tmp.resolve("HiveMindComs.pem");
        NodeIdentity first = NodeIdentity.loadOrGenerate(file, 2048, true, RANDOM);
        byte[] before = Files.readAllBytes(file);
        NodeIdentity second = NodeIdentity.loadOrGenerate(file, 4096, true, RANDOM);
        assertEquals(first.publicKey().fingerprint(), second.publicKey().fingerprint());
        assertEquals(2048, second.publicKey().modulusBits(), "key_bits only applies to generation");
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file)));
    }

    @Test
    void pythonIdentityFileLoads() {
        Path file = TestKeys.write(tmp.resolve("HiveMindComs.pem"), TestKeys.serverPrivatePem());
        assertEquals(TestKeys.serverPublicPem(), NodeIdentity.load(file).publicKeyPem());
    }

    @Test
    void pkcs8IdentityFileLoads() {
        Path file = TestKeys.write(tmp.resolve("id.pem"), RsaPem.pkcs8PrivateKeyPem(TestKeys.client().privateKey()));
        assertEquals(TestKeys.clientPublicPem(), NodeIdentity.load(file).publicKeyPem());
    }

    @Test
    void missingFileWithoutGenerationIsNoIdentity() {
        assertNull(NodeIdentity.loadOrGenerate(tmp.resolve("absent.pem"), 2048, false, RANDOM));
    }

    @Test
    void largerGeneratedKeysHaveTheirSizeAndRoundTrip() throws Exception {
        assertEquals(3072, generated3072.publicKey().modulusBits());
        assertEquals(4096, generated4096.publicKey().modulusBits());
        for (NodeIdentity id : new NodeIdentity[] {generated3072, generated4096}) {
            Path file = tmp.resolve(id.publicKey().modulusBits() + ".pem");
            id.save(file);
            assertEquals(id.publicKeyPem(), NodeIdentity.load(file).publicKeyPem());
        }
    }

    @Test
    void largerKeysWorkInTheHandshake() throws Exception {
        RsaEnvelope envelopes = new RsaEnvelope(RsaPrimitives.preferred());
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String env = envelopes.seal(generated4096, generated3072.publicKey(), secret, RANDOM);
        assertEquals(2 * (512 + 384), env.length());
        assertTrue(java.util.Arrays.equals(secret, envelopes.open(generated4096.publicKey(), generated3072, env)));
    }

    @Test
    void anIdentityIsNeverOverwritten() throws Exception {
        Path file = TestKeys.write(tmp.resolve("HiveMindComs.pem"), TestKeys.serverPrivatePem());
        assertThrows(FileAlreadyExistsException.class, () -> TestKeys.client().save(file));
        assertEquals(TestKeys.serverPrivatePem(), Files.readString(file));
    }

    @Test
    void otherKeySizesAreNotGenerated() {
        for (int bits : new int[] {1024, 2047, 2049, 8192, 0, -1}) {
            assertThrows(IllegalArgumentException.class, () -> NodeIdentity.generate(bits, RANDOM), "bits " + bits);
        }
    }

    @Test
    void identityFileOutsideThePolicyIsAConfigError() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(1024);
        Path file = TestKeys.write(tmp.resolve("weak.pem"),
                RsaPem.pkcs1PrivateKeyPem((RSAPrivateCrtKey) g.generateKeyPair().getPrivate()));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> NodeIdentity.load(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("1024"), e.getMessage());
    }

    @Test
    void unreadableIdentityFileIsAConfigErrorNamingTheFile() {
        Path file = TestKeys.write(tmp.resolve("junk.pem"), "not a key");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> NodeIdentity.load(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void factoryGeneratesTheConfiguredSizeIntoTheDataDirectory() {
        RsaServerAuthFactory f = new RsaServerAuthFactory();
        f.initialize(TestContexts.Plugin.of(tmp, Map.of(RsaSettings.KEY_BITS, 2048)));
        assertNotNull(f.identity().orElseThrow());
        assertTrue(Files.exists(tmp.resolve(RsaSettings.DEFAULT_IDENTITY_FILE)));
    }
}
