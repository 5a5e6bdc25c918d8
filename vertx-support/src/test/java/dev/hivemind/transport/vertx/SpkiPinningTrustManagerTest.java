package dev.hivemind.transport.vertx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpkiPinningTrustManagerTest {

    @Test
    void decodesPinsInHexAndBase64() {
        byte[] digest = new byte[32];
        digest[0] = 1;
        digest[31] = (byte) 0xff;
        String hex = HexFormat.of().formatHex(digest);
        assertArrayEquals(digest, SpkiPinningTrustManager.decodePin(hex, 0));
        assertArrayEquals(digest, SpkiPinningTrustManager.decodePin(hex.toUpperCase(), 0));
        String b64 = Base64.getEncoder().encodeToString(digest);
        assertArrayEquals(digest, SpkiPinningTrustManager.decodePin(b64, 0));
        assertArrayEquals(digest, SpkiPinningTrustManager.decodePin("sha256/" + b64, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SpkiPinningTrustManager.decodePin("abcd", 2));
        assertTrue(e.getMessage().contains("#3"));
        assertThrows(IllegalArgumentException.class, () -> new SpkiPinningTrustManager(List.of()));
    }
}
