package dev.hivemind.engine.session;

import dev.hivemind.api.error.HiveMindException;
import dev.hivemind.api.error.InternalHiveMindException;
import java.util.concurrent.CompletionException;

/** Turns whatever an asynchronous step failed with into the typed error that closes the connection. */
final class Failures {
    private Failures() {
    }

    /** The typed error behind {@code error} (unwrapping {@link CompletionException}); anything else is internal. */
    static HiveMindException typed(Throwable error, String what) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof HiveMindException h ? h : internal(what, cause);
    }

    /** An internal error whose peer-visible reason carries no detail. */
    static InternalHiveMindException internal(String what, Throwable cause) {
        return new InternalHiveMindException("internal error", what + ": " + cause.getClass().getSimpleName(), cause);
    }
}
