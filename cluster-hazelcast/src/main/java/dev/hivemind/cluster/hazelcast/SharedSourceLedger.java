package dev.hivemind.cluster.hazelcast;

import com.hazelcast.core.HazelcastInstance;
import dev.hivemind.engine.config.LimitSettings;
import dev.hivemind.engine.hub.SourceLedger;
import java.time.Clock;
import java.util.concurrent.CompletionStage;

/**
 * The failure and key-derivation ledger shared by the nodes of a cluster (the same limits as a hub alone,
 * docs/SECURITY.md T17, T18, T28, counted cluster-wide). Admission asks the shared failure counts; a key derivation is
 * charged against this node's view of the shared budget, which admission refreshed, so that a source spreading its
 * attempts over the nodes gets what it would get from one node, give or take the attempts in flight at once.
 */
final class SharedSourceLedger implements SourceLedger {
    /** Sources tracked at most per table in each node's view. */
    static final int MAX_SOURCES = 65_536;

    private final SharedBuckets failuresPerClient;
    private final SharedBuckets failuresPerAddress;
    private final SharedBuckets kdfPerClient;
    private final SharedBuckets kdfPerAddress;

    SharedSourceLedger(HazelcastInstance hazelcast, LimitSettings limits, Clock clock) {
        this.failuresPerClient = new SharedBuckets(hazelcast.getMap(HazelcastSettings.LEDGER_MAPS + "failures.client"),
                limits.maxAuthFailures(), limits.failureWindow(), MAX_SOURCES, clock);
        this.failuresPerAddress = new SharedBuckets(hazelcast.getMap(HazelcastSettings.LEDGER_MAPS
                + "failures.address"), limits.sources().maxAddressFailures(), limits.failureWindow(), MAX_SOURCES, clock);
        this.kdfPerClient = new SharedBuckets(hazelcast.getMap(HazelcastSettings.LEDGER_MAPS + "kdf.client"),
                limits.sources().kdfPerClient(), limits.sources().kdfWindow(), MAX_SOURCES, clock);
        this.kdfPerAddress = new SharedBuckets(hazelcast.getMap(HazelcastSettings.LEDGER_MAPS + "kdf.address"),
                limits.sources().kdfPerAddress(), limits.sources().kdfWindow(), MAX_SOURCES, clock);
    }

    @Override
    public CompletionStage<Boolean> blocked(String client, String address) {
        kdfPerClient.refresh(client);
        kdfPerAddress.refresh(address);
        return failuresPerClient.hasRoomShared(client).thenCombine(failuresPerAddress.hasRoomShared(address),
                (clientRoom, addressRoom) -> !clientRoom || !addressRoom);
    }

    @Override
    public void recordAuthFailure(String client, String address) {
        failuresPerClient.add(client);
        failuresPerAddress.add(address);
    }

    @Override
    public void recordUnknownKey(String address) {
        failuresPerAddress.add(address);
    }

    @Override
    public void recordSuccess(String client) {
        failuresPerClient.forget(client);
    }

    @Override
    public synchronized boolean tryChargeKdf(String client, String address) {
        if (!kdfPerClient.hasRoom(client) || !kdfPerAddress.hasRoom(address)) {
            return false;
        }
        kdfPerClient.add(client);
        kdfPerAddress.add(address);
        return true;
    }
}
