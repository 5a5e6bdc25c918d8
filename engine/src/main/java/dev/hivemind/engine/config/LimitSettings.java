package dev.hivemind.engine.config;

/**
 * Hard limits on peer input.
 *
 * @param maxFrameBytes    largest frame or message, in bytes (also the largest inflated binarized payload)
 * @param maxJsonDepth     deepest JSON nesting accepted
 * @param maxConnections   open connections the hub serves at once (authenticated or not)
 * @param maxPending       connections still in their handshake at once; beyond that new ones are refused with 1013
 * @param maxAuthFailures  failed handshakes per access key or remote address within {@code failureWindow} before
 *                         further connections from it are refused for a while (0 disables)
 * @param failureWindow    the sliding window for {@code maxAuthFailures}
 */
public record LimitSettings(int maxFrameBytes, int maxJsonDepth, int maxConnections,
        int maxPending, int maxAuthFailures, java.time.Duration failureWindow) {
    public static LimitSettings defaults() {
        return new LimitSettings(1 << 20, 64, 10_000, 1_000, 10, java.time.Duration.ofMinutes(1));
    }
}
