package dev.hivemind.auth.password;

import dev.hivemind.api.auth.AuthStep;
import dev.hivemind.api.auth.SessionKey;
import dev.hivemind.api.error.HiveMindException;
import dev.hivemind.api.error.InternalHiveMindException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Shared plumbing of both exchanges: turning failures and derived keys into {@link AuthStep}s. */
final class AuthSteps {
    private AuthSteps() {
    }

    /** An already completed failure. */
    static CompletionStage<AuthStep> failed(HiveMindException error) {
        return CompletableFuture.completedFuture(new AuthStep.Failed(error));
    }

    /**
     * Runs the derivation through {@code compute} and maps its outcome: a key becomes {@link AuthStep.Succeeded}
     * (unless the exchange was closed meanwhile: the key is then zeroed and the step fails), a typed error is
     * passed on, anything else becomes an internal error.
     */
    static CompletionStage<AuthStep> derive(ComputeFunction compute, Supplier<byte[]> derivation,
            Map<String, Object> responseFields, BooleanSupplier closed) {
        CompletionStage<byte[]> stage;
        try {
            stage = compute.compute(derivation);
        } catch (HiveMindException e) {
            return failed(e);
        } catch (RuntimeException e) {
            return failed(new InternalHiveMindException("key derivation failed", "the worker pool refused the task", e));
        }
        return stage.handle((key, error) -> {
            if (error != null) {
                return new AuthStep.Failed(typed(error));
            }
            if (closed.getAsBoolean()) {
                Arrays.fill(key, (byte) 0);
                return new AuthStep.Failed(new InternalHiveMindException("auth exchange closed",
                        "the key was derived after the exchange was closed"));
            }
            return new AuthStep.Succeeded(SessionKey.wrap(key), responseFields);
        });
    }

    private static HiveMindException typed(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof HiveMindException typed) {
            return typed;
        }
        return new InternalHiveMindException("key derivation failed", "the key derivation task failed", cause);
    }

    /** The {@code compute} method of either auth context. */
    @FunctionalInterface
    interface ComputeFunction {
        CompletionStage<byte[]> compute(Supplier<byte[]> task);
    }
}
