package dev.hivemind.engine.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.auth.SessionKey;
import dev.hivemind.api.error.AuthenticationException;
import dev.hivemind.api.error.CloseCode;
import dev.hivemind.api.error.HiveMindException;
import dev.hivemind.api.error.InvalidPayloadException;
import dev.hivemind.api.error.NegotiationException;
import dev.hivemind.api.wire.CipherSuite;
import dev.hivemind.api.wire.TextEncoding;
import dev.hivemind.engine.codec.json.HiveJson;
import dev.hivemind.engine.codec.text.TextCodecs;
import dev.hivemind.engine.vectors.VectorFiles;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SessionCryptoTest {
    private static final byte[] KEY = VectorFiles.hex("1f7b96b3e562f02194176744868cd5115fd10a33429a298631c825550dfe847e");
    private static final byte[] SECRET = "{\"msg_type\": \"bus\", \"payload\": {\"pw\": \"hunter2-secret\"}}"
            .getBytes(StandardCharsets.UTF_8);

    /** Two ends of one session: same key, independent nonce sequences and guards. */
    private static SessionCrypto end(CipherSuite suite) {
        return new SessionCrypto(SessionKey.copyOf(KEY), suite, new NonceSequence(suite), new ReplayGuard());
    }

    static Stream<Arguments> suitesAndEncodings() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (CipherSuite s : CipherSuite.values()) {
            for (TextEncoding e : TextEncoding.values()) {
                b.add(Arguments.of(s, e));
            }
        }
        return b.build();
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void binaryFramesRoundTrip(CipherSuite suite) {
        try (SessionCrypto a = end(suite); SessionCrypto b = end(suite)) {
            byte[] frame = a.sealBinary(SECRET);
            assertEquals(suite.nonceBytes() + SECRET.length + 16, frame.length);
            assertArrayEquals(SECRET, b.openBinary(frame));
            assertArrayEquals(new byte[0], b.openBinary(a.sealBinary(new byte[0])));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("suitesAndEncodings")
    void textFramesRoundTripInEveryEncoding(CipherSuite suite, TextEncoding encoding) {
        try (SessionCrypto a = end(suite); SessionCrypto b = end(suite)) {
            String frame = a.sealText(SECRET, encoding);
            assertTrue(frame.startsWith("{\"ciphertext\": \""), frame);
            assertTrue(frame.contains("\", \"tag\": \"") && frame.contains("\", \"nonce\": \"") && frame.endsWith("\"}"));
            Map<String, Object> parsed = HiveJson.withDefaults().parseObject(frame);
            assertEquals(java.util.List.of("ciphertext", "tag", "nonce"), new java.util.ArrayList<>(parsed.keySet()));
            assertArrayEquals(SECRET, b.openText(frame, encoding));
        }
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void aReplayedFrameIsRejectedAfterItsFirstUse(CipherSuite suite) {
        try (SessionCrypto a = end(suite); SessionCrypto b = end(suite)) {
            byte[] frame = a.sealBinary(SECRET);
            assertArrayEquals(SECRET, b.openBinary(frame));
            AuthenticationException e = assertThrows(AuthenticationException.class, () -> b.openBinary(frame));
            assertEquals("replayed nonce", e.getMessage());
            String text = a.sealText(SECRET, TextEncoding.JSON_B64);
            b.openText(text, TextEncoding.JSON_B64);
            assertThrows(AuthenticationException.class, () -> b.openText(text, TextEncoding.JSON_B64));
        }
    }

    @Test
    void withoutAGuardReplaysPass() {
        CipherSuite suite = CipherSuite.AES_GCM;
        try (SessionCrypto a = end(suite);
                SessionCrypto b = new SessionCrypto(SessionKey.copyOf(KEY), suite, new NonceSequence(suite), null)) {
            byte[] frame = a.sealBinary(SECRET);
            b.openBinary(frame);
            assertArrayEquals(SECRET, b.openBinary(frame));
        }
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void aReflectedFrameIsRejected(CipherSuite suite) {
        try (SessionCrypto a = end(suite)) {
            byte[] frame = a.sealBinary(SECRET);
            AuthenticationException e = assertThrows(AuthenticationException.class, () -> a.openBinary(frame));
            assertTrue(e.getMessage().startsWith("reflected frame"), e.getMessage());
            String text = a.sealText(SECRET, TextEncoding.JSON_HEX);
            assertThrows(AuthenticationException.class, () -> a.openText(text, TextEncoding.JSON_HEX));
        }
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void everyTruncationFailsGenerically(CipherSuite suite) {
        try (SessionCrypto a = end(suite); SessionCrypto b = end(suite)) {
            byte[] frame = a.sealBinary(SECRET);
            for (int len = 0; len < frame.length; len++) {
                byte[] cut = Arrays.copyOf(frame, len);
                assertGenericFailure(() -> b.openBinary(cut));
            }
            assertGenericFailure(() -> b.openBinary(null));
        }
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void everyBitFlipOfNonceCiphertextAndTagFailsGenerically(CipherSuite suite) {
        try (SessionCrypto a = end(suite); SessionCrypto b = end(suite)) {
            byte[] frame = a.sealBinary(SECRET);
            for (int i = 0; i < frame.length; i++) {
                for (int bit = 0; bit < 8; bit += 3) {
                    byte[] flipped = frame.clone();
                    flipped[i] ^= (byte) (1 << bit);
                    assertGenericFailure(() -> b.openBinary(flipped));
                }
            }
            assertArrayEquals(SECRET, b.openBinary(frame), "the untouched frame still opens");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("suitesAndEncodings")
    void everyCharacterChangeOfATextFrameFailsTyped(CipherSuite suite, TextEncoding encoding) {
        try (SessionCrypto a = end(suite); SessionCrypto b = end(suite)) {
            String frame = a.sealText(SECRET, encoding);
            for (int i = 0; i < frame.length(); i++) {
                char[] chars = frame.toCharArray();
                chars[i] ^= 1;
                String changed = new String(chars);
                HiveMindException e = assertThrows(HiveMindException.class, () -> b.openText(changed, encoding),
                        "change at " + i);
                assertTrue(e instanceof AuthenticationException || e instanceof InvalidPayloadException, e.toString());
                assertFalse(e.getMessage().contains("hunter2"));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void theTaglessFormCarriesTheTagAtTheEndOfTheCiphertext(CipherSuite suite) {
        try (SessionCrypto a = end(suite); SessionCrypto b = end(suite)) {
            Map<String, Object> parts = HiveJson.withDefaults().parseObject(a.sealText(SECRET, TextEncoding.JSON_HEX));
            String tagless = "{\"ciphertext\": \"" + parts.get("ciphertext") + parts.get("tag") + "\", \"nonce\": \""
                    + parts.get("nonce") + "\"}";
            assertArrayEquals(SECRET, b.openText(tagless, TextEncoding.JSON_HEX));
            String tooShort = "{\"ciphertext\": \"" + "00".repeat(15) + "\", \"nonce\": \"" + parts.get("nonce") + "\"}";
            assertGenericFailure(() -> b.openText(tooShort, TextEncoding.JSON_HEX));
            String doubled = "{\"ciphertext\": \"" + parts.get("ciphertext") + parts.get("tag") + "\", \"tag\": \""
                    + parts.get("tag") + "\", \"nonce\": \"" + parts.get("nonce") + "\"}";
            assertGenericFailure(() -> b.openText(doubled, TextEncoding.JSON_HEX));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 12, 15, 17, 32})
    void tagsOfTheWrongLengthFailGenerically(int tagLength) {
        try (SessionCrypto a = end(CipherSuite.AES_GCM); SessionCrypto b = end(CipherSuite.AES_GCM)) {
            Map<String, Object> parts = HiveJson.withDefaults().parseObject(a.sealText(SECRET, TextEncoding.JSON_HEX));
            String tag = ((String) parts.get("tag") + "00".repeat(16)).substring(0, 2 * tagLength);
            assertGenericFailure(() -> b.openText(frame(parts.get("ciphertext"), tag, parts.get("nonce")), TextEncoding.JSON_HEX));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 8, 12, 15, 17, 1024})
    void aesRefusesNoncesOtherThanSixteenBytes(int nonceLength) {
        nonceLengthFails(CipherSuite.AES_GCM, nonceLength);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 8, 11, 13, 16, 24})
    void chachaRefusesNoncesOtherThanTwelveBytes(int nonceLength) {
        nonceLengthFails(CipherSuite.CHACHA20_POLY1305, nonceLength);
    }

    private static void nonceLengthFails(CipherSuite suite, int nonceLength) {
        try (SessionCrypto a = end(suite); SessionCrypto b = end(suite)) {
            Map<String, Object> parts = HiveJson.withDefaults().parseObject(a.sealText(SECRET, TextEncoding.JSON_HEX));
            String nonce = "00".repeat(nonceLength);
            assertGenericFailure(() -> b.openText(frame(parts.get("ciphertext"), parts.get("tag"), nonce), TextEncoding.JSON_HEX));
            byte[] bin = new byte[nonceLength + 40];
            byte[] sealed = a.sealBinary(SECRET);
            // a binary frame has no length field: a wrong-length nonce just shifts the split and fails the tag
            System.arraycopy(sealed, 0, bin, 0, Math.min(bin.length, sealed.length));
            assertGenericFailure(() -> b.openBinary(bin));
        }
    }

    @Test
    void anAllZeroNonceOfTheRightLengthFailsTheTag() {
        try (SessionCrypto a = end(CipherSuite.AES_GCM); SessionCrypto b = end(CipherSuite.AES_GCM)) {
            Map<String, Object> parts = HiveJson.withDefaults().parseObject(a.sealText(SECRET, TextEncoding.JSON_HEX));
            assertGenericFailure(() -> b.openText(frame(parts.get("ciphertext"), parts.get("tag"), "00".repeat(16)),
                    TextEncoding.JSON_HEX));
        }
    }

    @Test
    void aWrongKeyFailsGenerically() {
        try (SessionCrypto a = end(CipherSuite.AES_GCM);
                SessionCrypto other = new SessionCrypto(SessionKey.copyOf(Arrays.copyOf(KEY, 16)), CipherSuite.AES_GCM,
                        new NonceSequence(CipherSuite.AES_GCM), new ReplayGuard())) {
            assertGenericFailure(() -> other.openBinary(a.sealBinary(SECRET)));
        }
    }

    @Test
    void malformedFrameTextIsInvalidPayload() {
        try (SessionCrypto a = end(CipherSuite.AES_GCM); SessionCrypto b = end(CipherSuite.AES_GCM)) {
            Map<String, Object> p = HiveJson.withDefaults().parseObject(a.sealText(SECRET, TextEncoding.JSON_HEX));
            Object ct = p.get("ciphertext");
            Object tag = p.get("tag");
            Object nonce = p.get("nonce");
            String[] bad = {
                    "{\"ciphertext\": \"" + ct + "\", \"ciphertext\": \"" + ct + "\", \"tag\": \"" + tag + "\", \"nonce\": \"" + nonce + "\"}",
                    "{\"tag\": \"" + tag + "\", \"nonce\": \"" + nonce + "\"}",
                    "{\"ciphertext\": \"" + ct + "\", \"tag\": \"" + tag + "\"}",
                    "{\"ciphertext\": 5, \"tag\": \"" + tag + "\", \"nonce\": \"" + nonce + "\"}",
                    "{\"ciphertext\": \"" + ct + "\", \"tag\": null, \"nonce\": \"" + nonce + "\"}",
                    "{\"ciphertext\": \"" + ct + "\", \"tag\": \"" + tag + "\", \"nonce\": \"" + nonce + "\", \"x\": \"y\"}",
                    "{\"ciphertext\": \"" + ct + "\", \"tag\": \"" + tag + "\", \"nonce\": [\"" + nonce + "\"]}",
                    "{\"ciphertext\": \"" + ct + "\", \"tag\": \"" + tag + "\", \"nonce\": \"" + nonce + "\"",
                    "{\"ciphertext\": \"" + ct + "\", \"tag\": \"" + tag + "\", \"nonce\": \"" + nonce + "zz\"}",
                    "[]", "", "ciphertext"};
            for (String text : bad) {
                InvalidPayloadException e = assertThrows(InvalidPayloadException.class,
                        () -> b.openText(text, TextEncoding.JSON_HEX), text);
                assertEquals(CloseCode.INVALID_PAYLOAD, e.closeCode());
            }
            InvalidPayloadException wrongEncoding = assertThrows(InvalidPayloadException.class,
                    () -> b.openText(a.sealText(SECRET, TextEncoding.JSON_B64), TextEncoding.JSON_HEX));
            assertTrue(wrongEncoding.getMessage().startsWith("JSON-HEX: "), wrongEncoding.getMessage());
            assertArrayEquals(SECRET, b.openText(frame(ct, tag, nonce), TextEncoding.JSON_HEX));
        }
    }

    @Test
    void theFrameIsWrittenExactlyAsPythonWritesIt() {
        try (SessionCrypto s = new SessionCrypto(SessionKey.copyOf(KEY), CipherSuite.CHACHA20_POLY1305,
                new FixedNonceSource(VectorFiles.hex("a0a1a2a3a4a5a6a7a8a9aaab")), null)) {
            byte[] sealed = Aead.seal(CipherSuite.CHACHA20_POLY1305, KEY, VectorFiles.hex("a0a1a2a3a4a5a6a7a8a9aaab"), SECRET, null);
            Map<String, Object> expected = new LinkedHashMap<>();
            expected.put("ciphertext", TextCodecs.of(TextEncoding.JSON_B91).encode(Arrays.copyOf(sealed, sealed.length - 16)));
            expected.put("tag", TextCodecs.of(TextEncoding.JSON_B91).encode(Arrays.copyOfRange(sealed, sealed.length - 16, sealed.length)));
            expected.put("nonce", TextCodecs.of(TextEncoding.JSON_B91).encode(VectorFiles.hex("a0a1a2a3a4a5a6a7a8a9aaab")));
            assertEquals(HiveJson.withDefaults().write(expected), s.sealText(SECRET, TextEncoding.JSON_B91));
        }
    }

    @Test
    void aSixteenBytePresharedKeyCannotDriveChaCha() {
        NegotiationException e = assertThrows(NegotiationException.class, () -> new SessionCrypto(
                SessionKey.copyOf("6e9941197be7f949".getBytes(StandardCharsets.UTF_8)), CipherSuite.CHACHA20_POLY1305,
                new NonceSequence(CipherSuite.CHACHA20_POLY1305), null));
        assertTrue(e.getMessage().contains("16-byte key"), e.getMessage());
        assertThrows(NegotiationException.class, () -> new SessionCrypto(SessionKey.copyOf(new byte[20]),
                CipherSuite.AES_GCM, new NonceSequence(CipherSuite.AES_GCM), null));
    }

    @Test
    void aNonceSourceOfTheWrongLengthIsRefused() {
        try (SessionCrypto s = new SessionCrypto(SessionKey.copyOf(KEY), CipherSuite.AES_GCM,
                new FixedNonceSource(new byte[12]), null)) {
            assertThrows(IllegalStateException.class, () -> s.sealBinary(SECRET));
        }
    }

    @Test
    void closeDropsTheKeyFromBothDirectionsAndStopsTheSession() throws ReflectiveOperationException {
        SessionKey key = SessionKey.copyOf(KEY);
        SessionCrypto s = new SessionCrypto(key, CipherSuite.AES_GCM, new NonceSequence(CipherSuite.AES_GCM), null);
        byte[] frame = s.sealBinary(SECRET);
        Field keyField = AeadCipher.class.getDeclaredField("key");
        keyField.setAccessible(true);
        for (String direction : List.of("sealer", "opener")) {
            Field f = SessionCrypto.class.getDeclaredField(direction);
            f.setAccessible(true);
            assertArrayEquals(KEY, ((javax.crypto.spec.SecretKeySpec) keyField.get(f.get(s))).getEncoded());
        }
        s.close();
        for (String direction : List.of("sealer", "opener")) {
            Field f = SessionCrypto.class.getDeclaredField(direction);
            f.setAccessible(true);
            assertNull(keyField.get(f.get(s)), direction + " still holds a key");
        }
        assertArrayEquals(KEY, key.bytes(), "the caller's SessionKey is the caller's to destroy");
        assertThrows(IllegalStateException.class, () -> s.sealBinary(SECRET));
        assertThrows(IllegalStateException.class, () -> s.openBinary(frame));
    }

    private static String frame(Object ct, Object tag, Object nonce) {
        return "{\"ciphertext\": \"" + ct + "\", \"tag\": \"" + tag + "\", \"nonce\": \"" + nonce + "\"}";
    }

    private static void assertGenericFailure(org.junit.jupiter.api.function.Executable call) {
        AuthenticationException e = assertThrows(AuthenticationException.class, call);
        assertEquals(Aead.FAILURE, e.getMessage());
        assertEquals(AuthenticationException.REASON, e.reason());
        assertEquals(CloseCode.POLICY_VIOLATION, e.closeCode());
    }
}
