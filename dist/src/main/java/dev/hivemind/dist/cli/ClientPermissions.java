package dev.hivemind.dist.cli;

import dev.hivemind.api.registry.ClientRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** How the commands write a client's permissions and other fields in one cell or line. */
final class ClientPermissions {
    private ClientPermissions() {
    }

    /**
     * {@code allowed_types} against hivemind-core's default: {@code default}, or {@code default +added -removed}
     * (the one type every client may send, {@code recognizer_loop:utterance}, is always there).
     */
    static String allowedTypes(ClientRecord c) {
        List<String> parts = new ArrayList<>();
        parts.add("default");
        for (String type : c.allowedTypes()) {
            if (!ClientRecord.DEFAULT_ALLOWED_TYPES.contains(type)) {
                parts.add("+" + type);
            }
        }
        for (String type : ClientRecord.DEFAULT_ALLOWED_TYPES) {
            if (!c.allowedTypes().contains(type)) {
                parts.add("-" + type);
            }
        }
        return String.join(" ", parts);
    }

    /** The entries of a list, comma-separated, or {@code -}. */
    static String list(List<String> entries) {
        return entries.isEmpty() ? "-" : String.join(",", entries);
    }

    static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    static String lastSeen(double epochSeconds) {
        if (epochSeconds < 0 || Double.isNaN(epochSeconds)) {
            return "never";
        }
        return Instant.ofEpochMilli((long) (epochSeconds * 1000)).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
