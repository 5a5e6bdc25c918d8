package dev.hivemind.engine.config;

import dev.hivemind.api.plugin.PluginSettings;
import java.util.Map;
import java.util.Optional;

/**
 * What the router needs from the configuration.
 *
 * @param siteId                the hub's own site id ({@code site_id}): a BROADCAST/PROPAGATE/ESCALATE whose
 *                              {@code target_site_id} names it is also handled here; announced in the upstream HELLO
 * @param binaryHandler         the binary handler plugin ({@code binary_handler}), or {@code null}: binary data is
 *                              logged and ignored, as hivemind-core does without one
 * @param binaryHandlerSettings its section ({@code binary_handler_settings})
 * @param upstream              the {@code upstream:} section, or {@code null} for the top of the hive
 */
public record RoutingSettings(String siteId, String binaryHandler, PluginSettings binaryHandlerSettings,
        UpstreamSettings upstream) {

    public static RoutingSettings defaults() {
        return new RoutingSettings(null, null, PluginSettings.empty(), null);
    }

    public Optional<UpstreamSettings> optionalUpstream() {
        return Optional.ofNullable(upstream);
    }

    public Optional<String> optionalBinaryHandler() {
        return Optional.ofNullable(binaryHandler);
    }

    static RoutingSettings read(ConfigSection root) {
        String site = root.string("site_id", null);
        String handler = root.string("binary_handler", null);
        PluginSettings handlerSettings = root.rawSection("binary_handler_settings");
        UpstreamSettings up = root.has("upstream") ? UpstreamSettings.read(root.section("upstream")) : null;
        return new RoutingSettings(site == null || site.isBlank() ? null : site,
                handler == null || handler.isBlank() ? null : handler, handlerSettings, up);
    }

    void write(Map<String, Object> root) {
        if (siteId != null) {
            root.put("site_id", siteId);
        }
        if (binaryHandler != null) {
            root.put("binary_handler", binaryHandler);
        }
        if (!binaryHandlerSettings.asMap().isEmpty()) {
            root.put("binary_handler_settings", binaryHandlerSettings.asMap());
        }
        if (upstream != null) {
            root.put("upstream", upstream.toTree());
        }
    }
}
