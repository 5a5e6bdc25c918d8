package dev.hivemind.dist.cli;

/** Makes text from the database or a peer safe to print on a terminal. */
final class Text {
    private Text() {
    }

    /** Replaces control characters (escape sequences, line breaks) with '?'. */
    static String printable(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
        return out.toString();
    }

    /** The first line of a message, made printable; a blank message becomes "failed". */
    static String oneLine(String s) {
        if (s == null || s.isBlank()) {
            return "failed";
        }
        return printable(s.lines().filter(l -> !l.isBlank()).findFirst().orElse("failed").strip());
    }
}
