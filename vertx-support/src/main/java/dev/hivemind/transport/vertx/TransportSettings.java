package dev.hivemind.transport.vertx;

import dev.hivemind.api.plugin.PluginSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The transport's own settings (the {@code settings} of its configuration section), validated strictly.
 *
 * @param closingTimeout       how long a close handshake may take (default 5 s)
 * @param writeHighWaterBytes  unsent bytes at which input is paused (default: the maximum frame size)
 * @param writeLimitBytes      unsent bytes at which the peer is dropped (default: 8 times the high-water mark)
 * @param admissionTimeout     how long a connection may wait for its admission (default 10 s)
 * @param maxPendingAdmissions connections allowed to wait for admission at once; when all are taken the oldest is
 *                             closed to make room (default 256)
 * @param maxPendingPerAddress connections from one address allowed to wait for admission; more are refused at once
 *                             (default 32)
 * @param maxNoopFrames        frames in a row that carry no data (pings, pongs, empty fragments) tolerated beyond one
 *                             per second; more close the connection with 1008 (default 100)
 * @param eventLoops           event-loop threads of a Vert.x instance the transport creates (0: Vert.x default)
 * @param sendBufferBytes      socket send buffer size (0: the operating system's default)
 * @param idleTimeout          client side only: inbound silence after which the client gives up (default 5 min)
 */
public record TransportSettings(Duration closingTimeout, long writeHighWaterBytes, long writeLimitBytes,
        Duration admissionTimeout, int maxPendingAdmissions, int maxPendingPerAddress, int maxNoopFrames,
        int eventLoops, int sendBufferBytes, Duration idleTimeout) {

    static final Set<String> KEYS = Set.of("closingTimeout", "writeHighWaterBytes", "writeLimitBytes",
            "admissionTimeout", "maxPendingAdmissions", "maxPendingPerAddress", "maxNoopFrames", "eventLoops",
            "sendBufferBytes", "idleTimeout");

    /** Reads the settings; {@code maxFrameBytes} sets the defaults of the write limits. */
    public static TransportSettings from(PluginSettings settings, int maxFrameBytes) {
        List<String> unknown = new ArrayList<>();
        for (String key : settings.keys()) {
            if (!KEYS.contains(key)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown transport setting(s) " + unknown + "; known: " + new TreeSet<>(KEYS));
        }
        long highWater = settings.longValue("writeHighWaterBytes", Math.max(maxFrameBytes, 64 * 1024));
        long limit = settings.longValue("writeLimitBytes", highWater * 8);
        TransportSettings s = new TransportSettings(
                settings.duration("closingTimeout", Duration.ofSeconds(5)),
                highWater,
                limit,
                settings.duration("admissionTimeout", Duration.ofSeconds(10)),
                settings.integer("maxPendingAdmissions", 256),
                settings.integer("maxPendingPerAddress", 32),
                settings.integer("maxNoopFrames", 100),
                settings.integer("eventLoops", 0),
                settings.integer("sendBufferBytes", 0),
                settings.duration("idleTimeout", Duration.ofMinutes(5)));
        if (highWater <= 0 || limit < highWater) {
            throw new IllegalArgumentException("writeHighWaterBytes must be positive and not above writeLimitBytes");
        }
        if (s.closingTimeout.isNegative() || s.closingTimeout.isZero() || s.admissionTimeout.isNegative()
                || s.admissionTimeout.isZero() || s.idleTimeout.isNegative()) {
            throw new IllegalArgumentException("closingTimeout and admissionTimeout must be positive, idleTimeout not negative");
        }
        if (s.maxPendingAdmissions <= 0 || s.maxPendingPerAddress <= 0 || s.maxNoopFrames <= 0 || s.eventLoops < 0
                || s.sendBufferBytes < 0) {
            throw new IllegalArgumentException("maxPendingAdmissions, maxPendingPerAddress and maxNoopFrames must be "
                    + "positive, eventLoops and sendBufferBytes not negative");
        }
        return s;
    }

    /** The per-connection limits for frames of {@code maxFrameBytes} and an idle timeout of {@code idle}. */
    public ConnectionLimits limits(int maxFrameBytes, Duration idle) {
        return new ConnectionLimits(maxFrameBytes, idle, closingTimeout, writeHighWaterBytes, writeLimitBytes,
                maxNoopFrames);
    }
}
