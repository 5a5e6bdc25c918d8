package dev.hivemind.embedded;

import dev.hivemind.api.error.CloseCode;
import dev.hivemind.api.error.HiveMindException;

/**
 * {@link Satellite#connect()} was refused before any byte was sent: the satellite already holds as many sessions
 * (established or still connecting) as {@link SatelliteBuilder#maxConnections(int)} allows. Close a session, or raise
 * the limit.
 */
public class ConnectionLimitException extends HiveMindException {
    private final int limit;

    public ConnectionLimitException(int limit) {
        super(CloseCode.TRY_AGAIN_LATER, "connection limit reached", "the satellite already holds its limit of "
                + limit + " connections", null);
        this.limit = limit;
    }

    /** The configured limit. */
    public int limit() {
        return limit;
    }
}
