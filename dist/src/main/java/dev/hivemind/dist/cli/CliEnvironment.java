package dev.hivemind.dist.cli;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the commands take from the process, passed in so tests can run them in-process with their own values.
 *
 * @param environment  the environment variables ({@code HIVEMIND_HOME})
 * @param userHome     the user's home directory (for the default data directory)
 * @param random       the source of generated secrets
 * @param clock        the clock
 * @param distribution the assembled distribution folder (its {@code conf/}, {@code plugins/}), or {@code null}
 *                     when not started by {@code bin/hivemind}
 */
public record CliEnvironment(Map<String, String> environment, Path userHome, SecureRandom random, Clock clock,
        Path distribution) {
    /** The system property {@code bin/hivemind} sets to the distribution folder. */
    public static final String DISTRIBUTION_PROPERTY = "hivemind.dist";

    public CliEnvironment {
        environment = Map.copyOf(environment);
        Objects.requireNonNull(userHome, "userHome");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(clock, "clock");
    }

    /** The real process environment, a strong random source, the system clock and the launcher's folder. */
    public static CliEnvironment system() {
        String distribution = System.getProperty(DISTRIBUTION_PROPERTY);
        return new CliEnvironment(System.getenv(), Path.of(System.getProperty("user.home")), new SecureRandom(),
                Clock.systemUTC(), distribution == null || distribution.isBlank() ? null : Path.of(distribution));
    }

    /** The distribution folder, if the process was started from one. */
    public Optional<Path> distributionFolder() {
        return Optional.ofNullable(distribution);
    }
}
