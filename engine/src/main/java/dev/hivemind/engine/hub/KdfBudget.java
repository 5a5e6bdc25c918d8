package dev.hivemind.engine.hub;

import dev.hivemind.engine.config.LimitSettings;
import java.time.Clock;

/**
 * A token bucket of key-derivation work (PBKDF2, RSA) per access key at an address and per address
 * (SECURITY.md T17, T28). Every derivation the hub starts is charged, however its connection ends, so neither a
 * replayed envelope nor a connection closed politely after the derivation gets hub CPU for free. A client at another
 * address is charged to its own buckets and keeps handshaking while one source exhausts its budget.
 */
final class KdfBudget {
    private final RateBuckets perClient;
    private final RateBuckets perAddress;

    KdfBudget(LimitSettings limits, Clock clock) {
        this.perClient = new RateBuckets(limits.sources().kdfPerClient(), limits.sources().kdfWindow(),
                FailureLimiter.MAX_SOURCES, clock);
        this.perAddress = new RateBuckets(limits.sources().kdfPerAddress(), limits.sources().kdfWindow(),
                FailureLimiter.MAX_SOURCES, clock);
    }

    /** Charges one derivation to both buckets if both have room; whether it did (all or none). */
    synchronized boolean tryCharge(String client, String address) {
        if (!perClient.hasRoom(client) || !perAddress.hasRoom(address)) {
            return false;
        }
        perClient.add(client);
        perAddress.add(address);
        return true;
    }
}
