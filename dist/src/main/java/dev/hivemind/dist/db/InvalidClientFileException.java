package dev.hivemind.dist.db;

/** A clients file to import is unreadable or not in hivemind-core's format; the message says where and why. */
public class InvalidClientFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidClientFileException(String message) {
        super(message);
    }

    public InvalidClientFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
