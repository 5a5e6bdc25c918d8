package dev.hivemind.auth.rsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringWriter;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.HexFormat;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.junit.jupiter.api.Test;

/** PEM reading and writing, byte for byte in PyCryptodome's format, and the private-key formats HiveMind meets. */
class RsaPemTest {
    /** A private Bouncy Castle instance for writing encrypted fixtures (never registered with the JCA). */
    private static final java.security.Provider BC = new org.bouncycastle.jce.provider.BouncyCastleProvider();

    @Test
    void publicKeyPemIsWrittenExactlyAsPythonWritesIt() {
        assertEquals(TestKeys.serverPublicPem(), RsaPem.publicKeyPem(TestKeys.server().publicKey().publicKey()));
        assertEquals(TestKeys.clientPublicPem(), RsaPem.publicKeyPem(TestKeys.client().publicKey().publicKey()));
    }

    @Test
    void pkcs1PrivateKeyPemIsWrittenExactlyAsPythonWritesIt() {
        assertEquals(TestKeys.serverPrivatePem(), RsaPem.pkcs1PrivateKeyPem(TestKeys.server().privateKey()));
        assertTrue(TestKeys.serverPrivatePem().startsWith("-----BEGIN RSA PRIVATE KEY-----\n"));
    }

    @Test
    void pkcs8PrivateKeyRoundTripsAndMatchesWycheproofDer() {
        JsonNode group = Vectors.load("wycheproof/rsa_oaep_2048_sha1_mgf1sha1_test.json").get("testGroups").get(0);
        KeyPair pair = RsaPem.readPrivateKey(group.get("privateKeyPem").asText());
        String pkcs8 = RsaPem.pkcs8PrivateKeyPem((RSAPrivateCrtKey) pair.getPrivate());
        assertTrue(pkcs8.startsWith("-----BEGIN PRIVATE KEY-----\n"), pkcs8.substring(0, 30));
        assertEquals(group.get("privateKeyPkcs8").asText(), HexFormat.of().formatHex(pair.getPrivate().getEncoded()));
        assertEquals(pair.getPrivate(), RsaPem.readPrivateKey(pkcs8).getPrivate());
        assertEquals(pair.getPublic(), RsaPem.readPrivateKey(pkcs8).getPublic());
    }

    @Test
    void pkcs1AndPkcs8OfOneKeyReadTheSame() {
        RSAPrivateCrtKey key = TestKeys.server().privateKey();
        KeyPair a = RsaPem.readPrivateKey(RsaPem.pkcs1PrivateKeyPem(key));
        KeyPair b = RsaPem.readPrivateKey(RsaPem.pkcs8PrivateKeyPem(key));
        assertEquals(a.getPrivate(), b.getPrivate());
        assertEquals(a.getPublic(), b.getPublic());
    }

    @Test
    void encryptedPkcs1KeyIsRefused() throws Exception {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(TestKeys.server().privateKey(), new JcePEMEncryptorBuilder("AES-128-CBC").setProvider(BC).build("pw".toCharArray()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RsaPem.readPrivateKey(out.toString()));
        assertTrue(e.getMessage().contains("encrypted"), e.getMessage());
    }

    @Test
    void encryptedPkcs8KeyIsRefused() throws Exception {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(new JcaPKCS8Generator(TestKeys.server().privateKey(),
                    new JceOpenSSLPKCS8EncryptorBuilder(org.bouncycastle.openssl.PKCS8Generator.AES_256_CBC).setProvider(BC).setPassword("pw".toCharArray()).build()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RsaPem.readPrivateKey(out.toString()));
        assertTrue(e.getMessage().contains("encrypted"), e.getMessage());
    }

    @Test
    void nonRsaPrivateKeyIsRefused() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        String pem = RsaPublicKeyPolicyTest.armour("PRIVATE KEY", g.generateKeyPair().getPrivate().getEncoded());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RsaPem.readPrivateKey(pem));
        assertTrue(e.getMessage().contains("not an RSA key"), e.getMessage());
    }

    @Test
    void publicKeyOrGarbageIsNotAPrivateKey() {
        assertThrows(IllegalArgumentException.class, () -> RsaPem.readPrivateKey(TestKeys.serverPublicPem()));
        assertThrows(IllegalArgumentException.class, () -> RsaPem.readPrivateKey("no pem here"));
        assertThrows(IllegalArgumentException.class, () -> RsaPem.readPrivateKey(
                RsaPublicKeyPolicyTest.armour("RSA PRIVATE KEY", new byte[] {0x30, 0x03, 0x02, 0x01, 0x00})));
    }

    @Test
    void errorMessagesNeverQuoteTheKey() {
        String pem = TestKeys.serverPrivatePem();
        String broken = pem.substring(0, pem.length() / 2) + "\n-----END RSA PRIVATE KEY-----";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RsaPem.readPrivateKey(broken));
        assertTrue(!e.getMessage().contains("MII") && e.getCause() == null, e.getMessage());
    }
}
