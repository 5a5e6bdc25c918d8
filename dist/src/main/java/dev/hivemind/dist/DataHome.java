package dev.hivemind.dist;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where a node keeps its data (client database, keys, known hosts): {@code --home}, else {@code $HIVEMIND_HOME},
 * else {@code ~/.local/share/hivemind-jvm}.
 */
public final class DataHome {
    /** The environment variable naming the data directory. */
    public static final String ENVIRONMENT_VARIABLE = "HIVEMIND_HOME";

    private DataHome() {
    }

    /**
     * Resolves the data directory; relative paths are taken from the current directory.
     *
     * @param option      the {@code --home} option, or {@code null}
     * @param environment the process environment
     * @param userHome    the user's home directory
     */
    public static Path resolve(Path option, Map<String, String> environment, Path userHome) {
        if (option != null) {
            return option.toAbsolutePath().normalize();
        }
        String fromEnvironment = environment.get(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Path.of(fromEnvironment).toAbsolutePath().normalize();
        }
        return userHome.resolve(".local").resolve("share").resolve("hivemind-jvm").toAbsolutePath().normalize();
    }
}
