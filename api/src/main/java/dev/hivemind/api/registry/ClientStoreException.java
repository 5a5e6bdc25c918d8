package dev.hivemind.api.registry;

import dev.hivemind.api.error.InternalHiveMindException;

/**
 * The client database could not be opened, read or written, or a change broke one of its rules. The peer of
 * a connection only ever sees the generic reason "client database error"; {@link #getMessage()} says what
 * went wrong for the local log or the CLI and never contains a secret.
 */
public class ClientStoreException extends InternalHiveMindException {
    private static final String REASON = "client database error";

    public ClientStoreException(String detail) {
        super(REASON, detail);
    }

    public ClientStoreException(String detail, Throwable cause) {
        super(REASON, detail, cause);
    }
}
