package dev.hivemind.auth.password;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hivemind.api.error.AuthenticationException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The per-connection primitive: order of operations, reflection, single use, zeroing. No PBKDF2 runs here. */
class PasswordHandshakeTest {
    private static final JsonNode V = Vectors.passwordHandshake();
    private static final String PASSWORD = V.get("password_utf8").asText();
    private static final byte[] CLIENT_IV = Vectors.hex(V.get("client_iv_hex"));
    private static final byte[] SERVER_IV = Vectors.hex(V.get("server_iv_hex"));

    @Test
    void createsTheReferenceEnvelopeFromItsIv() {
        try (PasswordHandshake client = new PasswordHandshake(PASSWORD)) {
            assertNull(client.ownEnvelope());
            assertEquals(V.get("client_envelope").asText(), client.createEnvelope(new FixedSecureRandom(CLIENT_IV)));
            assertEquals(V.get("client_envelope").asText(), client.ownEnvelope());
            assertThrows(IllegalStateException.class, () -> client.createEnvelope(new FixedSecureRandom(CLIENT_IV)));
        }
    }

    @Test
    void verifyingThePeerReturnsItsIv() {
        try (PasswordHandshake client = new PasswordHandshake(PASSWORD)) {
            client.createEnvelope(new FixedSecureRandom(CLIENT_IV));
            assertArrayEquals(SERVER_IV, client.verifyPeer(V.get("server_envelope").asText()));
        }
    }

    @Test
    void refusesItsOwnIvInAnyForm() {
        try (PasswordHandshake server = new PasswordHandshake(PASSWORD)) {
            byte[] clientIv = server.verifyPeer(V.get("client_envelope").asText());
            server.createEnvelope(new FixedSecureRandom(CLIENT_IV));
            assertThrows(AuthenticationException.class, () -> server.keyDerivation(clientIv));
            assertThrows(AuthenticationException.class, () -> server.verifyPeer(server.ownEnvelope()));
        }
    }

    @Test
    void keyDerivationNeedsOwnEnvelopeFirst() {
        try (PasswordHandshake server = new PasswordHandshake(PASSWORD)) {
            byte[] clientIv = server.verifyPeer(V.get("client_envelope").asText());
            assertThrows(IllegalStateException.class, () -> server.keyDerivation(clientIv));
        }
    }

    @Test
    void closedHandshakeRefusesEveryOperation() {
        PasswordHandshake handshake = new PasswordHandshake(PASSWORD);
        handshake.createEnvelope(new FixedSecureRandom(CLIENT_IV));
        handshake.close();
        handshake.close();
        assertTrue(handshake.isClosed());
        assertThrows(IllegalStateException.class, () -> handshake.verifyPeer(V.get("server_envelope").asText()));
        assertThrows(IllegalStateException.class, () -> handshake.keyDerivation(SERVER_IV));
    }

    @Test
    void emptyPasswordIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PasswordHandshake(""));
    }

    @Test
    void codecRefusesMisuse() {
        byte[] pw = PASSWORD.getBytes(StandardCharsets.UTF_8);
        assertThrows(IllegalArgumentException.class, () -> HsubCodec.create(pw, new byte[7], 48));
        assertThrows(IllegalArgumentException.class, () -> HsubCodec.create(pw, CLIENT_IV, 46));
        assertThrows(IllegalArgumentException.class, () -> HsubCodec.create(pw, CLIENT_IV, 49));
        assertThrows(IllegalArgumentException.class, () -> HsubCodec.create(pw, CLIENT_IV, 82));
        assertThrows(IllegalArgumentException.class, () -> HsubCodec.salt(CLIENT_IV, new byte[9]));
    }

    @Test
    void mismatchInTheIvOrTheDigestBothFail() {
        byte[] pw = PASSWORD.getBytes(StandardCharsets.UTF_8);
        byte[] good = HsubCodec.parse(V.get("client_envelope").asText());
        byte[] firstByte = good.clone();
        firstByte[0] ^= 1;
        byte[] lastByte = good.clone();
        lastByte[lastByte.length - 1] ^= (byte) 0x80;
        assertTrue(HsubCodec.matches(pw, good));
        assertEquals(false, HsubCodec.matches(pw, firstByte));
        assertEquals(false, HsubCodec.matches(pw, lastByte));
    }
}
