package dev.hivemind.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.error.CloseCode;
import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.transport.Frame;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrameType;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The small pieces: token extraction, close reasons, pins, message assembly, settings. */
class SupportTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "NULL", value = {
            "/?authorization=abc+/==, abc+/==",
            "/?authorization=, ''",
            "/, NULL",
            "/?token=abc, NULL",
            "/?authorization=a/?authorization=b, b",
            "/?authorization=abc%2B, abc%2B",
            "/?authorization=abc&x=1, abc&x=1",
    })
    void readsTheTokenAsHivemindCoreDoes(String uri, String token) {
        assertEquals(token, AuthorizationUri.tokenOf(uri));
    }

    @Test
    void buildsTheRequestTargetAndUrlUnescaped() {
        assertEquals("/?authorization=a+b/c=", AuthorizationUri.requestTarget("a+b/c="));
        assertEquals("wss://[::1]:5678?authorization=t==", AuthorizationUri.url(true, "::1", 5678, "t=="));
    }

    @Test
    void cutsCloseReasonsAtCharacterBoundaries() {
        assertEquals("short", CloseReasons.truncate("short"));
        assertEquals("", CloseReasons.truncate(null));
        String bees = "🐝".repeat(40);
        String cut = CloseReasons.truncate(bees);
        assertEquals(120, cut.getBytes(StandardCharsets.UTF_8).length);
        assertTrue(bees.startsWith(cut));
        assertEquals(123, CloseReasons.truncate("x".repeat(200)).length());
    }

    @Test
    void decodesPinsInHexAndBase64() {
        byte[] digest = new byte[32];
        digest[0] = 1;
        digest[31] = (byte) 0xff;
        String hex = HexFormat.of().formatHex(digest);
        assertArrayEquals(digest, SpkiPinningTrustManager.decodePin(hex, 0));
        assertArrayEquals(digest, SpkiPinningTrustManager.decodePin(hex.toUpperCase(), 0));
        String b64 = java.util.Base64.getEncoder().encodeToString(digest);
        assertArrayEquals(digest, SpkiPinningTrustManager.decodePin(b64, 0));
        assertArrayEquals(digest, SpkiPinningTrustManager.decodePin("sha256/" + b64, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SpkiPinningTrustManager.decodePin("abcd", 2));
        assertTrue(e.getMessage().contains("#3"));
        assertThrows(IllegalArgumentException.class, () -> new SpkiPinningTrustManager(java.util.List.of()));
    }

    @Test
    void assemblesMessagesWithinTheLimit() throws Exception {
        MessageAssembler a = new MessageAssembler(8);
        assertNull(a.accept(WebSocketFrameType.BINARY, false, Buffer.buffer(new byte[] {1, 2, 3})));
        Frame f = a.accept(WebSocketFrameType.CONTINUATION, true, Buffer.buffer(new byte[] {4, 5, 6, 7, 8}));
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, ((Frame.Binary) f).data());
        assertEquals("ok", ((Frame.Text) a.accept(WebSocketFrameType.TEXT, true, Buffer.buffer("ok"))).text());
    }

    @Test
    void refusesWhatBreaksTheRules() throws Exception {
        MessageAssembler a = new MessageAssembler(8);
        assertEquals(CloseCode.MESSAGE_TOO_BIG, assertThrows(MessageAssembler.Violation.class,
                () -> a.accept(WebSocketFrameType.TEXT, true, Buffer.buffer("123456789"))).code());
        assertNull(a.accept(WebSocketFrameType.TEXT, false, Buffer.buffer("1234")));
        assertEquals(CloseCode.MESSAGE_TOO_BIG, assertThrows(MessageAssembler.Violation.class,
                () -> a.accept(WebSocketFrameType.CONTINUATION, true, Buffer.buffer("56789"))).code());
        assertEquals(CloseCode.PROTOCOL_ERROR, assertThrows(MessageAssembler.Violation.class,
                () -> a.accept(WebSocketFrameType.CONTINUATION, true, Buffer.buffer("x"))).code());
        assertEquals(CloseCode.INVALID_PAYLOAD, assertThrows(MessageAssembler.Violation.class,
                () -> a.accept(WebSocketFrameType.TEXT, true, Buffer.buffer(new byte[] {(byte) 0xff}))).code());
    }

    @Test
    void validatesTransportSettings() {
        TransportSettings d = TransportSettings.from(PluginSettings.empty(), 1 << 20);
        assertEquals(1 << 20, d.writeHighWaterBytes());
        assertEquals(8L << 20, d.writeLimitBytes());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> TransportSettings.from(PluginSettings.of(Map.of("closingTimout", "1s")), 1024));
        assertTrue(unknown.getMessage().contains("[closingTimout]") && unknown.getMessage().contains("closingTimeout"));
        assertThrows(IllegalArgumentException.class, () -> TransportSettings.from(
                PluginSettings.of(Map.of("writeHighWaterBytes", 10, "writeLimitBytes", 5)), 1024));
    }

    @Test
    void isDiscoveredAsAServiceWithItsName() {
        var factories = java.util.ServiceLoader.load(dev.hivemind.api.transport.TransportFactory.class).stream()
                .map(java.util.ServiceLoader.Provider::get).filter(f -> f.name().equals("websocket")).toList();
        assertEquals(1, factories.size());
        assertEquals(5678, factories.get(0).defaultPort());
        assertEquals(java.util.Set.of("ws", "wss"), factories.get(0).schemes());
    }
}
