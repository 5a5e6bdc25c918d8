package dev.hivemind.engine.config;

/**
 * Hard limits on peer input.
 *
 * @param maxFrameBytes    largest frame or message, in bytes (also the largest inflated binarized payload)
 * @param maxJsonDepth     deepest JSON nesting accepted
 * @param maxConnections   open connections the hub serves at once (authenticated or not)
 * @param maxPending       connections still in their handshake at once; beyond that the oldest one is closed with 1013
 *                         to make room
 * @param maxAuthFailures  failed authentications per access key <em>at one address</em> within {@code failureWindow}
 *                         before that key is refused from that address for a while (0 disables); a timeout or a
 *                         connection closed before authenticating is not a failure
 * @param failureWindow    the period in which the failure counts drain completely
 * @param sources          the other per-address limits
 */
public record LimitSettings(int maxFrameBytes, int maxJsonDepth, int maxConnections,
        int maxPending, int maxAuthFailures, java.time.Duration failureWindow, SourceLimits sources) {

    /** Limits with the default per-address limits. */
    public LimitSettings(int maxFrameBytes, int maxJsonDepth, int maxConnections, int maxPending, int maxAuthFailures,
            java.time.Duration failureWindow) {
        this(maxFrameBytes, maxJsonDepth, maxConnections, maxPending, maxAuthFailures, failureWindow,
                SourceLimits.defaults());
    }

    public static LimitSettings defaults() {
        return new LimitSettings(1 << 20, 64, 10_000, 1_000, 10, java.time.Duration.ofMinutes(1));
    }

    /** These limits with {@code sources} as the per-address limits. */
    public LimitSettings withSources(SourceLimits s) {
        return new LimitSettings(maxFrameBytes, maxJsonDepth, maxConnections, maxPending, maxAuthFailures,
                failureWindow, s);
    }
}
