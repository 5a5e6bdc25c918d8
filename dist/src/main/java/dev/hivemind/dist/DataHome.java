package dev.hivemind.dist;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where a node keeps its data (client database, keys, known hosts): {@code --home}, else {@code $HIVEMIND_HOME},
 * else {@code $XDG_DATA_HOME/hivemind-jvm}, else {@code $HOME/.local/share/hivemind-jvm} (the home directory of the
 * environment, as a shell sees it, before the account's).
 */
public final class DataHome {
    /** The environment variable naming the data directory. */
    public static final String ENVIRONMENT_VARIABLE = "HIVEMIND_HOME";

    private static final String FOLDER = "hivemind-jvm";

    private DataHome() {
    }

    /**
     * Resolves the data directory; relative paths are taken from the current directory.
     *
     * @param option      the {@code --home} option, or {@code null}
     * @param environment the process environment
     * @param userHome    the account's home directory, used when {@code $HOME} is not set
     */
    public static Path resolve(Path option, Map<String, String> environment, Path userHome) {
        if (option != null) {
            return option.toAbsolutePath().normalize();
        }
        String fromEnvironment = environment.get(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Path.of(fromEnvironment).toAbsolutePath().normalize();
        }
        String xdgDataHome = environment.get("XDG_DATA_HOME");
        if (xdgDataHome != null && Path.of(xdgDataHome).isAbsolute()) {
            // the XDG base directory specification ignores relative paths
            return Path.of(xdgDataHome).resolve(FOLDER).normalize();
        }
        String home = environment.get("HOME");
        Path base = home != null && !home.isBlank() ? Path.of(home) : userHome;
        return base.resolve(".local").resolve("share").resolve(FOLDER).toAbsolutePath().normalize();
    }
}
