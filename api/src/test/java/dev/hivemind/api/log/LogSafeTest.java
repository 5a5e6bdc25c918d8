package dev.hivemind.api.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LogSafeTest {
    @Test
    void controlCharactersAreEscapedSoNoLineCanBeForged() {
        String forged = "ua\n00:00:00.000 INFO  Hub - handshake done\r\u001b[31m\u2028x";
        String safe = LogSafe.text(forged);
        assertFalse(safe.contains("\n") || safe.contains("\r") || safe.contains("\u001b") || safe.contains("\u2028"));
        assertTrue(safe.startsWith("ua\\u000a00:00"), safe);
    }

    @Test
    void longValuesAreCutWithTheirLength() {
        String safe = LogSafe.text("a".repeat(10_000));
        assertEquals(LogSafe.MAX_CHARS + "…(10000 chars)".length(), safe.length());
        assertTrue(safe.endsWith("…(10000 chars)"));
        assertEquals(LogSafe.MAX_MESSAGE_CHARS + "…(10000 chars)".length(), LogSafe.message("b".repeat(10_000)).length());
        assertEquals("short", LogSafe.text("short"));
        assertEquals("null", LogSafe.text(null));
    }

    @Test
    void listsAreSummarised() {
        List<String> many = IntStream.range(0, 1000).mapToObj(i -> "field" + i).toList();
        assertEquals("[field0, field1, field2, field3, field4, field5, field6, field7, … 992 more]", LogSafe.list(many));
        assertEquals("[a\\u000ab]", LogSafe.list(List.of("a\nb")));
    }

    @Test
    void backslashesAndLoneSurrogatesCannotImitateAnEscape() {
        assertEquals("\\\\u000a", LogSafe.text("\\u000a"));
        assertEquals("\\ud800x", LogSafe.text("\ud800x"));
        assertEquals("\uD83D\uDE00", LogSafe.text("\uD83D\uDE00"), "a valid pair stays");
    }
}
