package dev.hivemind.engine.hub;

import java.util.concurrent.CompletionStage;

/**
 * What each source has spent (SECURITY.md T17, T18, T28): failed authentications and key derivations, per
 * <em>access key at an address</em> ({@code client}, see {@link Sources#client}) and per <em>address</em>. A hub alone
 * keeps it in memory ({@link LocalSourceLedger}); the nodes of a cluster share one, so that spreading an attack over
 * the nodes does not multiply it. Every method is safe from any thread and never blocks.
 */
public interface SourceLedger {
    /** Whether connections with this client key from this address are refused for now. */
    CompletionStage<Boolean> blocked(String client, String address);

    /** A credential was refused (wrong password, bad envelope, replay, wrong pre-shared key). */
    void recordAuthFailure(String client, String address);

    /** An unknown or revoked access key was presented from {@code address}. */
    void recordUnknownKey(String address);

    /** The client authenticated from its address: its own failure count starts again. */
    void recordSuccess(String client);

    /** Charges one key derivation to both the client's and the address's budget if both have room; whether it did. */
    boolean tryChargeKdf(String client, String address);
}
