package dev.hivemind.dist.it;

import java.util.List;

/**
 * A command that ran to its end.
 *
 * @param command  what ran (for failure messages)
 * @param exitCode its exit status
 * @param out      its standard output
 * @param err      its standard error
 */
record Finished(String command, int exitCode, String out, String err) {
    /**
     * The non-blank lines of standard error, without the JVM's own {@code WARNING: ...} lines (newer JDKs print them
     * when a library uses {@code sun.misc.Unsafe} or native access; they are not the command's output).
     */
    List<String> errLines() {
        return err.lines().filter(l -> !l.isBlank() && !l.startsWith("WARNING: ")).toList();
    }

    /** Everything it printed, for assertion messages. */
    String describe() {
        return command + " exited " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
