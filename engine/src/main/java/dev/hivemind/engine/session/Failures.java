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

    /**
     * Runs {@code action}; a typed error goes to {@code fail} as it is, any other runtime failure as an internal error
     * described by {@code what}. Keeps every session callback from throwing into its transport.
     */
    static void guard(Runnable action, java.util.function.Consumer<HiveMindException> fail, String what) {
        try {
            action.run();
        } catch (HiveMindException e) {
            fail.accept(e);
        } catch (RuntimeException e) {
            fail.accept(internal(what, e));
        }
    }

    /** An internal error whose peer-visible reason carries no detail. */
    static InternalHiveMindException internal(String what, Throwable cause) {
        return new InternalHiveMindException("internal error", what + ": " + cause.getClass().getSimpleName(), cause);
    }
}
