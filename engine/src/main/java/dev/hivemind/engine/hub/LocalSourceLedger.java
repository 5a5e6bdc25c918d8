package dev.hivemind.engine.hub;

import dev.hivemind.engine.config.LimitSettings;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The {@link SourceLedger} of a hub alone: a {@link FailureLimiter} and a {@link KdfBudget} in memory. */
public final class LocalSourceLedger implements SourceLedger {
    private final FailureLimiter failures;
    private final KdfBudget kdf;

    public LocalSourceLedger(LimitSettings limits, Clock clock) {
        this.failures = new FailureLimiter(limits, clock);
        this.kdf = new KdfBudget(limits, clock);
    }

    @Override
    public CompletionStage<Boolean> blocked(String client, String address) {
        return CompletableFuture.completedFuture(failures.blocked(client, address));
    }

    @Override
    public void recordAuthFailure(String client, String address) {
        failures.recordAuthFailure(client, address);
    }

    @Override
    public void recordUnknownKey(String address) {
        failures.recordUnknownKey(address);
    }

    @Override
    public void recordSuccess(String client) {
        failures.recordSuccess(client);
    }

    @Override
    public boolean tryChargeKdf(String client, String address) {
        return kdf.tryCharge(client, address);
    }
}
