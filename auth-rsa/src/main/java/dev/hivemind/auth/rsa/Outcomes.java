package dev.hivemind.auth.rsa;

import dev.hivemind.api.auth.AuthStep;
import dev.hivemind.api.error.HiveMindException;
import dev.hivemind.api.error.InternalHiveMindException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/** Turns the outcomes of exchange steps into {@link AuthStep}s. */
final class Outcomes {
    private Outcomes() {
    }

    static CompletionStage<AuthStep> failed(HiveMindException error) {
        return CompletableFuture.completedFuture(new AuthStep.Failed(error));
    }

    /** The typed error behind a failed stage; anything untyped becomes an internal error that names only its class. */
    static HiveMindException unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof HiveMindException h) {
            return h;
        }
        return new InternalHiveMindException("RSA handshake failed", "unexpected " + t.getClass().getName());
    }
}
