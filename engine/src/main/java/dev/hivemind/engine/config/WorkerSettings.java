package dev.hivemind.engine.config;

/**
 * The bounded pool for CPU-heavy handshake steps (PBKDF2, RSA).
 *
 * @param threads       worker threads
 * @param queueCapacity tasks that may wait; beyond that new handshakes are refused with 1013
 */
public record WorkerSettings(int threads, int queueCapacity) {
    public static WorkerSettings defaults() {
        return new WorkerSettings(Math.max(2, Runtime.getRuntime().availableProcessors()), 64);
    }
}
