package dev.hivemind.engine.session;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;

/**
 * The auth exchanges a session opened, closed together (zeroing what they hold) once its handshake is done or the
 * session ends. Used on the connection's thread only.
 *
 * @param <E> the exchange type
 */
final class OpenExchanges<E> {
    private final List<E> open = new ArrayList<>();
    private final Consumer<E> close;
    private final Logger log;

    /**
     * @param close closes one exchange
     * @param log   the session's logger, for an exchange whose close fails
     */
    OpenExchanges(Consumer<E> close, Logger log) {
        this.close = close;
        this.log = log;
    }

    /** Keeps {@code exchange} to close later; returns it. */
    E track(E exchange) {
        open.add(exchange);
        return exchange;
    }

    /** Closes every exchange; a failing close is logged and does not stop the others. */
    void closeAll() {
        for (E e : open) {
            try {
                close.accept(e);
            } catch (RuntimeException ex) {
                log.debug("auth exchange close failed", ex);
            }
        }
        open.clear();
    }
}
