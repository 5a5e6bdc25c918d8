package dev.hivemind.dist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks on a stopped hub's log (its standard error) and output. */
final class HubLog {
    /** Our console pattern: time, level, logger, message, all on one line. */
    private static final Pattern EVENT = Pattern.compile(
            "^\\d{2}:\\d{2}:\\d{2}\\.\\d{3} (TRACE|DEBUG|INFO |WARN |ERROR) \\S+ - \\S.*$");
    private static final Pattern CONNECTED = Pattern.compile(" - connected ((\\w+)-\\d+) ");

    private final RunningHub.Stopped hub;
    private final List<String> lines;

    HubLog(RunningHub.Stopped hub) {
        this.hub = hub;
        this.lines = hub.log().lines().filter(l -> !l.isBlank()).toList();
    }

    List<String> lines() {
        return lines;
    }

    /** Log lines containing {@code fragment}. */
    List<String> containing(String fragment) {
        return lines.stream().filter(l -> l.contains(fragment)).toList();
    }

    /**
     * Every line is a whole event on its own (no stack trace, no continuation line). Lines the JVM itself prints
     * before logging starts ({@code WARNING: ...}) are let through.
     */
    void assertOneLinePerEvent() {
        for (String line : lines) {
            assertTrue(EVENT.matcher(line).matches() || line.startsWith("WARNING: "),
                    "not a one-line event: '" + line + "'\n" + hub.log());
        }
    }

    /** None of the secrets occurs anywhere in the hub's output or log. */
    void assertNoSecret(Map<String, String> secretsByName) {
        for (Map.Entry<String, String> s : secretsByName.entrySet()) {
            assertTrue(s.getValue().length() >= 8, "too short to search for: " + s.getKey());
            assertFalse(hub.log().contains(s.getValue()), "the hub's log shows the " + s.getKey() + ":\n" + hub.log());
            assertFalse(hub.out().contains(s.getValue()), "the hub's output shows the " + s.getKey());
        }
    }

    /**
     * Each admitted connection has exactly one "connected" line, then exactly one "handshake done" or "rejected"
     * line, and a session exactly one "closed" line. Returns, per transport, how many sessions and rejections
     * there were: {@code {"websocket": [sessions, rejected]}}.
     */
    Map<String, int[]> assertConnectionLifecycles() {
        Map<String, int[]> perTransport = new java.util.TreeMap<>();
        for (String line : lines) {
            Matcher m = CONNECTED.matcher(line);
            if (!m.find()) {
                continue;
            }
            String id = m.group(1);
            int[] counts = perTransport.computeIfAbsent(m.group(2), k -> new int[2]);
            assertEquals(1, count(" - connected " + id + " "), id + " connected more than once\n" + hub.log());
            long done = count(" - handshake done " + id + " ");
            long rejected = count(" - rejected " + id + " ");
            assertEquals(1, done + rejected, id + ": one handshake outcome\n" + hub.log());
            assertEquals(done, count(" - closed " + id + " "), id + ": one 'closed' line per session\n" + hub.log());
            counts[done == 1 ? 0 : 1]++;
        }
        return perTransport;
    }

    long count(String fragment) {
        return lines.stream().filter(l -> l.contains(fragment)).count();
    }
}
