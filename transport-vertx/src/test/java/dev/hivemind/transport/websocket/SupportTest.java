package dev.hivemind.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hivemind.api.error.CloseCode;
import dev.hivemind.api.transport.Frame;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrameType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The small pieces: token extraction, message assembly, service discovery. */
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
    void isDiscoveredAsAServiceWithItsName() {
        var factories = java.util.ServiceLoader.load(dev.hivemind.api.transport.TransportFactory.class).stream()
                .map(java.util.ServiceLoader.Provider::get).filter(f -> f.name().equals("websocket")).toList();
        assertEquals(1, factories.size());
        assertEquals(5678, factories.get(0).defaultPort());
        assertEquals(java.util.Set.of("ws", "wss"), factories.get(0).schemes());
    }
}
