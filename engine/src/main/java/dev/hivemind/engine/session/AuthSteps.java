package dev.hivemind.engine.session;

import dev.hivemind.api.auth.AuthStep;

/** The rules both sessions apply to an auth exchange's asynchronous outcome. */
final class AuthSteps {
    private AuthSteps() {
    }

    /** An outcome that arrived after the session ended: a key it carries is zeroed, nothing else happens. */
    static void discard(AuthStep result) {
        if (result instanceof AuthStep.Succeeded s) {
            s.key().destroy();
        }
    }

    /** The step to act on ({@code Succeeded} or {@code Continue}); a failure of any kind is thrown as a typed error. */
    static AuthStep settle(AuthStep result, Throwable error) {
        if (error != null) {
            throw Failures.typed(error, "auth method failed");
        }
        if (result instanceof AuthStep.Failed f) {
            throw f.error();
        }
        return result;
    }
}
