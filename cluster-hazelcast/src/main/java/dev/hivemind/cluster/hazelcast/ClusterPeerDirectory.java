package dev.hivemind.cluster.hazelcast;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.EntryListener;
import com.hazelcast.map.MapEvent;
import com.hazelcast.replicatedmap.ReplicatedMap;
import dev.hivemind.api.agent.PeerInfo;
import dev.hivemind.engine.hub.router.LocalPeerDirectory;
import dev.hivemind.engine.hub.router.PeerEntry;
import dev.hivemind.engine.hub.router.RouterDirectory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The peer directory of a cluster: every node's peers in a Hazelcast {@link ReplicatedMap} (peer id → entry as JSON),
 * of which each node keeps a {@link LocalPeerDirectory} mirror, so lookups by peer id, site id and public key never
 * leave the process. A node writes its own peers (in the background, {@link SharedWrites}: the mirror is updated at
 * once); when a member leaves, every node drops that member's peers from its mirror at once and the oldest member
 * removes them from the map. A node that sees one of its own peers removed (a race with that cleanup) writes it again,
 * and a periodic {@link #sweep} repairs whatever a missed event or a healed network partition left behind.
 */
final class ClusterPeerDirectory implements RouterDirectory, EntryListener<String, String> {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterPeerDirectory.class);

    private final ReplicatedMap<String, String> shared;
    private final String memberId;
    private final BooleanSupplier oldest;
    private final SharedWrites writes;
    private final LocalPeerDirectory mirror = new LocalPeerDirectory();
    /** This node's own registrations, by peer id. */
    private final Map<String, PeerEntry> own = new ConcurrentHashMap<>();
    private UUID listener;

    /**
     * @param shared   the replicated map of every node's peers
     * @param memberId this node's member id
     * @param oldest   whether this node is the oldest member (it cleans up after members that leave)
     * @param writes   where writes to the map wait their turn
     */
    ClusterPeerDirectory(ReplicatedMap<String, String> shared, String memberId, BooleanSupplier oldest,
            SharedWrites writes) {
        this.shared = shared;
        this.memberId = memberId;
        this.oldest = oldest;
        this.writes = writes;
    }

    /** Starts following the other nodes' entries. */
    void start() {
        listener = shared.addEntryListener(this);
        for (Map.Entry<String, String> e : shared.entrySet()) {
            mirrorPut(e.getValue());
        }
    }

    void stop() {
        if (listener != null) {
            shared.removeEntryListener(listener);
            listener = null;
        }
    }

    /** A member left: its peers are gone. */
    void memberLeft(String member) {
        int dropped = 0;
        for (PeerEntry e : mirror.entries()) {
            if (member.equals(e.info().node()) && mirror.unregister(e)) {
                dropped++;
                if (oldest.getAsBoolean()) {
                    writes.submit("remove a peer of a member that left", () -> shared.remove(e.peerId(),
                            NodeMessages.entry(e)));
                }
            }
        }
        if (dropped > 0) {
            LOG.info("cluster member {} left: {} of its peers dropped from the directory", member, dropped);
        }
    }

    /**
     * Anti-entropy, run now and then on the writes thread: drops entries of members that are gone and entries in this
     * node's name that it no longer holds, and writes again its own entries the map lost (what a missed event or the
     * merge after a network partition can leave behind).
     *
     * @param members the member ids of the cluster now
     */
    void sweep(Set<String> members) {
        boolean cleaner = oldest.getAsBoolean();
        for (PeerEntry e : mirror.entries()) {
            String node = e.info().node();
            boolean stale = memberId.equals(node) ? !e.equals(own.get(e.peerId())) : !members.contains(node);
            if (stale && mirror.unregister(e) && (cleaner || memberId.equals(node))) {
                shared.remove(e.peerId(), NodeMessages.entry(e));
            }
        }
        for (PeerEntry mine : own.values()) {
            String value = NodeMessages.entry(mine);
            if (!value.equals(shared.get(mine.peerId()))) {
                mirror.register(mine);
                shared.put(mine.peerId(), value);
            }
        }
    }

    @Override
    public Optional<PeerEntry> register(PeerEntry entry) {
        own.put(entry.peerId(), entry);
        Optional<PeerEntry> old = mirror.register(entry);
        String value = NodeMessages.entry(entry);
        writes.submit("register a peer", () -> shared.put(entry.peerId(), value));
        return old;
    }

    @Override
    public boolean unregister(PeerEntry entry) {
        own.remove(entry.peerId(), entry);
        if (!mirror.unregister(entry)) {
            return false;
        }
        String value = NodeMessages.entry(entry);
        writes.submit("remove a peer", () -> shared.remove(entry.peerId(), value));
        return true;
    }

    @Override
    public Optional<PeerEntry> entry(String peerId) {
        return mirror.entry(peerId);
    }

    @Override
    public List<PeerEntry> entries() {
        return mirror.entries();
    }

    @Override
    public List<PeerEntry> entriesAt(String member) {
        return member.equals(memberId) ? List.copyOf(own.values()) : RouterDirectory.super.entriesAt(member);
    }

    @Override
    public Optional<PeerInfo> byPeerId(String peerId) {
        return mirror.byPeerId(peerId);
    }

    @Override
    public List<PeerInfo> bySiteId(String siteId) {
        return mirror.bySiteId(siteId);
    }

    @Override
    public List<PeerInfo> byPublicKey(String publicKeyPem) {
        return mirror.byPublicKey(publicKeyPem);
    }

    @Override
    public List<PeerInfo> peers() {
        return mirror.peers();
    }

    // ---------------------------------------------------------------- the replicated map's events

    @Override
    public void entryAdded(EntryEvent<String, String> event) {
        mirrorPut(event.getValue());
    }

    @Override
    public void entryUpdated(EntryEvent<String, String> event) {
        mirrorPut(event.getValue());
    }

    @Override
    public void entryRemoved(EntryEvent<String, String> event) {
        removed(event.getKey(), event.getOldValue());
    }

    @Override
    public void entryEvicted(EntryEvent<String, String> event) {
        removed(event.getKey(), event.getOldValue());
    }

    @Override
    public void entryExpired(EntryEvent<String, String> event) {
        removed(event.getKey(), event.getOldValue());
    }

    @Override
    public void mapCleared(MapEvent event) {
        own.values().forEach(e -> writes.submit("register a peer again", () -> shared.put(e.peerId(),
                NodeMessages.entry(e))));
    }

    @Override
    public void mapEvicted(MapEvent event) {
        mapCleared(event);
    }

    private void mirrorPut(String value) {
        if (value == null) {
            return;
        }
        PeerEntry e = NodeMessages.entry(value);
        PeerEntry mine = own.get(e.peerId());
        if (mine != null && !mine.equals(e) && memberId.equals(e.info().node())) {
            return; // an older registration of ours arriving late
        }
        if (mine != null && !mine.equals(e)) {
            own.remove(e.peerId(), mine); // the peer reconnected to another node, which now holds it
        }
        mirror.register(e);
    }

    private void removed(String peerId, String oldValue) {
        if (oldValue != null) {
            mirror.unregister(NodeMessages.entry(oldValue));
        }
        PeerEntry mine = own.get(peerId);
        if (mine != null) {
            LOG.debug("peer {} of this node was removed from the cluster directory: registering it again", peerId);
            mirror.register(mine);
            writes.submit("register a peer again", () -> shared.put(peerId, NodeMessages.entry(mine)));
        }
    }
}
