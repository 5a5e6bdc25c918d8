package dev.hivemind.api.plugin;

import java.util.Objects;

/**
 * Whether a plugin can be used on this machine, and if not, why. Unavailable plugins are dropped at
 * start-up with the reason logged and shown by {@code list-plugins}.
 *
 * @param isAvailable whether the plugin is usable
 * @param reason    why not (empty when available)
 */
public record Availability(boolean isAvailable, String reason) {
    private static final Availability OK = new Availability(true, "");

    public Availability {
        reason = Objects.requireNonNullElse(reason, "");
    }

    public static Availability ok() {
        return OK;
    }

    public static Availability unavailable(String reason) {
        return new Availability(false, Objects.requireNonNull(reason, "reason"));
    }
}
