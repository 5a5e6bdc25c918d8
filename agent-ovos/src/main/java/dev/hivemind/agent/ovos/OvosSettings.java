package dev.hivemind.agent.ovos;

import dev.hivemind.api.plugin.PluginSettings;
import java.net.URI;
import java.time.Duration;

/**
 * The {@code agent_settings} of the {@code ovos} agent.
 *
 * @param url              the OVOS messagebus, {@code ws://127.0.0.1:8181/core} by default ({@code wss://} for TLS)
 * @param reconnectInitial the first delay after the bus went away
 * @param reconnectMax     the longest delay (it doubles up to this)
 * @param queue            messages kept while the bus is away (the oldest is dropped beyond)
 */
record OvosSettings(URI url, Duration reconnectInitial, Duration reconnectMax, int queue) {
    static final String DEFAULT_URL = "ws://127.0.0.1:8181/core";

    static OvosSettings from(PluginSettings s) {
        String text = s.string("url", DEFAULT_URL);
        URI url;
        try {
            url = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("agent_settings.url: not a URL: " + text);
        }
        if (url.getHost() == null || !("ws".equals(url.getScheme()) || "wss".equals(url.getScheme()))) {
            throw new IllegalArgumentException("agent_settings.url must be ws://HOST:PORT/PATH or wss://…, not " + text);
        }
        Duration initial = s.duration("reconnect_initial", Duration.ofMillis(500));
        Duration max = s.duration("reconnect_max", Duration.ofSeconds(30));
        int queue = s.integer("queue", 256);
        if (queue < 0 || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("agent_settings: queue must be >= 0 and reconnect_max >= reconnect_initial");
        }
        return new OvosSettings(url, initial, max, queue);
    }

    boolean secure() {
        return "wss".equals(url.getScheme());
    }

    int port() {
        return url.getPort() > 0 ? url.getPort() : secure() ? 443 : 80;
    }

    String path() {
        String p = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? p : p + "?" + url.getRawQuery();
    }
}
