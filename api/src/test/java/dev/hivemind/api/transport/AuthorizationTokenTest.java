package dev.hivemind.api.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthorizationTokenTest {

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void encodesUseragentColonKeyAsPaddedStandardBase64() {
        AuthorizationToken t = new AuthorizationToken("HiveMessageBusClientV0.0.1", "dummy_key");
        assertEquals(b64("HiveMessageBusClientV0.0.1:dummy_key"), t.encode());
        assertEquals(Optional.of(t), AuthorizationToken.parse(t.encode()));
    }

    @Test
    void exactlyTwoPartsAreRequired() {
        assertEquals(Optional.empty(), AuthorizationToken.parse(b64("ua:key:extra")));
        assertEquals(Optional.empty(), AuthorizationToken.parse(b64("no-colon")));
        assertEquals(Optional.empty(), AuthorizationToken.parse(b64("ua:")));
        assertEquals(Optional.empty(), AuthorizationToken.parse(b64("::")));
        AuthorizationToken emptyAgent = AuthorizationToken.parse(b64(":key")).orElseThrow();
        assertEquals("", emptyAgent.userAgent());
        assertEquals("key", emptyAgent.accessKey());
    }

    @Test
    void neitherPartMayContainAColon() {
        assertThrows(IllegalArgumentException.class, () -> new AuthorizationToken("u:a", "key"));
        assertThrows(IllegalArgumentException.class, () -> new AuthorizationToken("ua", "k:ey"));
        assertThrows(IllegalArgumentException.class, () -> new AuthorizationToken("ua", ""));
        assertThrows(IllegalArgumentException.class, () -> new AuthorizationToken(null, "key"));
        assertThrows(IllegalArgumentException.class, () -> new AuthorizationToken("ua", null));
    }

    @Test
    void missingPaddingIsToleratedLikePythonsDecoder() {
        String padded = b64("ua:k");
        assertTrue(padded.endsWith("="), padded);
        String unpadded = padded.replace("=", "");
        assertEquals(AuthorizationToken.parse(padded), AuthorizationToken.parse(unpadded));
        assertTrue(AuthorizationToken.parse(unpadded).isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "!!!!", "a", "YWJj%3D", "dWE6aw==extra", "dWE6a w=="})
    void malformedTokensAreEmpty(String token) {
        assertEquals(Optional.empty(), AuthorizationToken.parse(token));
    }

    @Test
    void nullAndOverlongTokensAreEmpty() {
        assertEquals(Optional.empty(), AuthorizationToken.parse(null));
        String huge = b64("ua:" + "k".repeat(AuthorizationToken.MAX_TOKEN_CHARS));
        assertEquals(Optional.empty(), AuthorizationToken.parse(huge));
    }

    @Test
    void invalidUtf8IsEmpty() {
        String token = Base64.getEncoder().encodeToString(new byte[] {'u', ':', (byte) 0xC3});
        assertEquals(Optional.empty(), AuthorizationToken.parse(token));
    }

    @Test
    void nonAsciiUseragentsRoundTrip() {
        AuthorizationToken t = new AuthorizationToken("Satellite-Küche", "k3y");
        assertEquals(Optional.of(t), AuthorizationToken.parse(t.encode()));
    }

    @Test
    void toStringHidesTheAccessKey() {
        String s = new AuthorizationToken("ua", "super-secret-key").toString();
        assertFalse(s.contains("super-secret-key"), s);
        assertTrue(s.contains("ua"));
    }
}
