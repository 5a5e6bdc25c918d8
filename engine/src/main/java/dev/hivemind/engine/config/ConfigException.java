package dev.hivemind.engine.config;

/** The configuration is invalid: the message names the key, the problem and, for typos, the closest known key. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
