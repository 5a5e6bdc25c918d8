package dev.hivemind.engine.auth;

import dev.hivemind.api.plugin.PluginSettings;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hub's own key inside an auth method's configuration section: {@code auth.<method>.enroll_on_first_use}
 * (default {@code false}). It is policy, so the hub reads it and the method never sees it.
 *
 * @param enrollOnFirstUse whether the method enrols the first credential a client without any proves
 * @param pluginSettings   the rest of the section, for the method
 */
public record EnrollmentSettings(boolean enrollOnFirstUse, PluginSettings pluginSettings) {
    /** The key's name. */
    public static final String KEY = "enroll_on_first_use";

    /**
     * Splits a method's section.
     *
     * @throws IllegalArgumentException if the value is not a boolean
     */
    public static EnrollmentSettings split(PluginSettings section) {
        if (!section.keys().contains(KEY)) {
            return new EnrollmentSettings(false, section);
        }
        boolean enroll = section.bool(KEY, false);
        Map<String, Object> rest = new LinkedHashMap<>(section.asMap());
        rest.remove(KEY);
        return new EnrollmentSettings(enroll, PluginSettings.of(rest));
    }
}
