package dev.hivemind.engine.session;

import dev.hivemind.engine.config.CryptoSettings;
import dev.hivemind.engine.config.HandshakeSettings;
import dev.hivemind.engine.config.LimitSettings;
import dev.hivemind.engine.time.Scheduler;
import dev.hivemind.engine.work.WorkerPool;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The shared, immutable services every session of one hub or client uses.
 *
 * @param handshake policy of the handshake
 * @param crypto    cipher/encoding policy and replay cache size
 * @param limits    input limits
 * @param framing   frame ⇄ message codec
 * @param workers   bounded pool for CPU-heavy steps
 * @param scheduler deadlines
 * @param random    randomness for auth exchanges and nonces (a test seam)
 * @param nanoTime  monotonic time source for measuring handshakes
 * @param io        pool for blocking steps of auth methods (directory or database lookups), apart from {@code workers}
 */
public record SessionEnvironment(HandshakeSettings handshake, CryptoSettings crypto, LimitSettings limits,
        SessionFraming framing, WorkerPool workers, Scheduler scheduler, SecureRandom random, LongSupplier nanoTime,
        WorkerPool io) {
    public SessionEnvironment {
        Objects.requireNonNull(handshake, "handshake");
        Objects.requireNonNull(crypto, "crypto");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(framing, "framing");
        Objects.requireNonNull(workers, "workers");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(nanoTime, "nanoTime");
        Objects.requireNonNull(io, "io");
    }

    /** An environment whose blocking steps share {@code workers} (a satellite, whose methods do not block). */
    public SessionEnvironment(HandshakeSettings handshake, CryptoSettings crypto, LimitSettings limits,
            SessionFraming framing, WorkerPool workers, Scheduler scheduler, SecureRandom random, LongSupplier nanoTime) {
        this(handshake, crypto, limits, framing, workers, scheduler, random, nanoTime, workers);
    }
}
