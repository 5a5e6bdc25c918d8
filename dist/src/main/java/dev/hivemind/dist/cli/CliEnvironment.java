package dev.hivemind.dist.cli;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What the commands take from the process, passed in so tests can run them in-process with their own values.
 *
 * @param environment the environment variables ({@code HIVEMIND_HOME})
 * @param userHome    the user's home directory (for the default data directory)
 * @param random      the source of generated secrets
 * @param clock       the clock
 */
public record CliEnvironment(Map<String, String> environment, Path userHome, SecureRandom random, Clock clock) {
    public CliEnvironment {
        environment = Map.copyOf(environment);
        Objects.requireNonNull(userHome, "userHome");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(clock, "clock");
    }

    /** The real process environment, a strong random source and the system clock. */
    public static CliEnvironment system() {
        return new CliEnvironment(System.getenv(), Path.of(System.getProperty("user.home")), new SecureRandom(),
                Clock.systemUTC());
    }
}
