package dev.hivemind.transport.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CloseReasonsTest {

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
}
