package dev.hivemind.engine.hub.router;

import dev.hivemind.api.agent.PeerInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The directory of one hub process: peer ids, with indexes by site id and public key. */
public final class LocalPeerDirectory implements RouterDirectory {
    private final ConcurrentMap<String, PeerEntry> byPeer = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Set<String>> bySite = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Set<String>> byKey = new ConcurrentHashMap<>();

    @Override
    public Optional<PeerEntry> register(PeerEntry entry) {
        PeerEntry old = byPeer.put(entry.peerId(), entry);
        if (old != null) {
            unindex(old);
        }
        index(entry);
        return Optional.ofNullable(old);
    }

    @Override
    public boolean unregister(PeerEntry entry) {
        if (byPeer.remove(entry.peerId(), entry)) {
            unindex(entry);
            return true;
        }
        return false;
    }

    @Override
    public Optional<PeerEntry> entry(String peerId) {
        return peerId == null ? Optional.empty() : Optional.ofNullable(byPeer.get(peerId));
    }

    @Override
    public List<PeerEntry> entries() {
        return List.copyOf(byPeer.values());
    }

    @Override
    public Optional<PeerInfo> byPeerId(String peerId) {
        return entry(peerId).map(PeerEntry::info);
    }

    @Override
    public List<PeerInfo> bySiteId(String siteId) {
        return lookup(bySite, siteId);
    }

    @Override
    public List<PeerInfo> byPublicKey(String publicKeyPem) {
        return lookup(byKey, PublicKeys.normalize(publicKeyPem));
    }

    @Override
    public List<PeerInfo> peers() {
        return byPeer.values().stream().map(PeerEntry::info).toList();
    }

    private List<PeerInfo> lookup(ConcurrentMap<String, Set<String>> index, String key) {
        if (key == null || key.isEmpty()) {
            return List.of();
        }
        List<PeerInfo> out = new ArrayList<>();
        for (String peerId : index.getOrDefault(key, Set.of())) {
            byPeerId(peerId).ifPresent(out::add);
        }
        return out;
    }

    private void index(PeerEntry e) {
        add(bySite, e.info().siteId(), e.peerId());
        add(byKey, PublicKeys.normalize(e.info().publicKey()), e.peerId());
    }

    private void unindex(PeerEntry e) {
        remove(bySite, e.info().siteId(), e.peerId());
        remove(byKey, PublicKeys.normalize(e.info().publicKey()), e.peerId());
    }

    private static void add(ConcurrentMap<String, Set<String>> index, String key, String peerId) {
        if (key != null && !key.isEmpty()) {
            index.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(peerId);
        }
    }

    private static void remove(ConcurrentMap<String, Set<String>> index, String key, String peerId) {
        if (key != null && !key.isEmpty()) {
            index.computeIfPresent(key, (k, set) -> {
                set.remove(peerId);
                return set.isEmpty() ? null : set;
            });
        }
    }
}
