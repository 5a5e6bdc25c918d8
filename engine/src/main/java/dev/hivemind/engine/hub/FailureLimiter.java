package dev.hivemind.engine.hub;

import dev.hivemind.engine.config.LimitSettings;
import java.time.Clock;

/**
 * Counts failed authentications so that guessing is slow, without letting a stranger lock a client out
 * (SECURITY.md T18). Failures count per <em>access key at an address</em> and per <em>address</em>, never per key
 * alone: an attacker at another address who knows a satellite's access key only locks out himself. An unknown access
 * key counts against its address (key guessing). Only a refused credential is a failure: a handshake that times out or
 * a connection closed before it authenticates is not (so an idle flood cannot lock anyone out either). The trade-off,
 * as with fail2ban or OpenSSH's {@code PerSourcePenalties}: an attacker who shares the satellite's address (the same
 * NAT) can still get that address refused for a while. Counts drain continuously over the failure window.
 */
final class FailureLimiter {
    /** Sources tracked at most per table; the least recently seen are forgotten first. */
    static final int MAX_SOURCES = 65_536;

    private final RateBuckets perClient;
    private final RateBuckets perAddress;

    FailureLimiter(LimitSettings limits, Clock clock) {
        this.perClient = new RateBuckets(limits.maxAuthFailures(), limits.failureWindow(), MAX_SOURCES, clock);
        this.perAddress = new RateBuckets(limits.sources().maxAddressFailures(), limits.failureWindow(), MAX_SOURCES,
                clock);
    }

    /** Whether connections with this client key from this address are refused for now. */
    boolean blocked(String client, String address) {
        return !perClient.hasRoom(client) || !perAddress.hasRoom(address);
    }

    /** Whether the address as a whole is refused for now. */
    boolean blocked(String address) {
        return !perAddress.hasRoom(address);
    }

    /** A credential was refused (wrong password, bad envelope, replay, wrong pre-shared key). */
    void recordAuthFailure(String client, String address) {
        perClient.add(client);
        perAddress.add(address);
    }

    /** An unknown or revoked access key was presented from {@code address}. */
    void recordUnknownKey(String address) {
        perAddress.add(address);
    }

    /** The client authenticated from this address: its own count starts again. */
    void recordSuccess(String client) {
        perClient.forget(client);
    }
}
