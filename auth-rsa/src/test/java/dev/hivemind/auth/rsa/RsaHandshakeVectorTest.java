package dev.hivemind.auth.rsa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/**
 * {@code vectors/hivemind/rsa_handshake.json}: an envelope made by the Python server (poorman_handshake 1.0.1
 * {@code HandShake.generate_handshake}) with fixed keys and secret.
 */
class RsaHandshakeVectorTest {
    private static final JsonNode V = Vectors.rsaHandshake();
    private final RsaEnvelope envelopes = new RsaEnvelope(RsaPrimitives.preferred());

    @Test
    void vectorParametersAreOurFixedParameters() {
        assertEquals("SHA-1", V.get("oaep").get("hash").asText());
        assertEquals("MGF1-SHA1", V.get("oaep").get("mgf").asText());
        assertEquals("", V.get("oaep").get("label").asText());
        assertEquals("SHA-256", V.get("pss").get("hash").asText());
        assertEquals("MGF1-SHA256", V.get("pss").get("mgf").asText());
        assertEquals(32, V.get("pss").get("salt_len").asInt());
        assertEquals(RsaPrimitives.OAEP_SHA1.getDigestAlgorithm(), "SHA-1");
        assertEquals(RsaPrimitives.PSS_SHA256.getSaltLength(), 32);
    }

    @Test
    void envelopeIsSignatureThenCiphertextInLowercaseHex() {
        String envelope = V.get("envelope_hex").asText();
        assertEquals(V.get("signature_hex").asText() + V.get("ciphertext_hex").asText(), envelope);
        assertEquals(1024, envelope.length());
        assertTrue(envelope.matches("[0-9a-f]+"));
    }

    @Test
    void clientPathVerifiesAndDecryptsTheRecordedServerEnvelope() {
        RsaPeerKey serverKey = RsaPublicKeyPolicy.check(TestKeys.serverPublicPem());
        byte[] secret = envelopes.open(serverKey, TestKeys.client(), V.get("envelope_hex").asText());
        assertArrayEquals(Vectors.hex(V.get("secret_hex")), secret);
    }

    @Test
    void recordedSignatureVerifiesOverTheRecordedCiphertext() {
        RsaPeerKey serverKey = RsaPublicKeyPolicy.check(TestKeys.serverPublicPem());
        assertTrue(RsaPrimitives.preferred().pssVerify(serverKey.publicKey(), Vectors.hex(V.get("ciphertext_hex")),
                Vectors.hex(V.get("signature_hex"))));
    }

    @Test
    void serverPathEnvelopeOpensWithTheSameKeys() throws Exception {
        byte[] secret = Vectors.hex(V.get("secret_hex"));
        RsaPeerKey clientKey = RsaPublicKeyPolicy.check(TestKeys.clientPublicPem());
        String envelope = envelopes.seal(TestKeys.server(), clientKey, secret, new SecureRandom());
        assertEquals(1024, envelope.length());
        assertTrue(envelope.matches("[0-9a-f]+"));
        RsaPeerKey serverKey = RsaPublicKeyPolicy.check(TestKeys.serverPublicPem());
        assertArrayEquals(secret, envelopes.open(serverKey, TestKeys.client(), envelope));
    }

    @Test
    void publicKeysDerivedFromTheVectorPrivateKeysAreTheVectorPublicKeys() {
        assertEquals(TestKeys.serverPublicPem(), TestKeys.server().publicKeyPem());
        assertEquals(TestKeys.clientPublicPem(), TestKeys.client().publicKeyPem());
    }
}
