package dev.hivemind.engine.hub.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.agent.PeerInfo;
import dev.hivemind.engine.tck.IntercomFixtures;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Lookups by peer id, site id and public key; a replaced registration is not removed by its old connection. */
class LocalPeerDirectoryTest {
    private static final String PEM = IntercomFixtures.pem(IntercomFixtures.keyPair().getPublic());
    private final LocalPeerDirectory dir = new LocalPeerDirectory();

    private static PeerEntry entry(String peer, String site, String key, String address) {
        return new PeerEntry(new PeerInfo(peer, PeerInfo.Role.SATELLITE, 1, "n", site, key, false, "hub:1"), address);
    }

    @Test
    void peersAreFoundByIdSiteAndKeyWhateverTheKeysLineBreaks() {
        dir.register(entry("a", "kitchen", PEM, "x/1"));
        dir.register(entry("b", "kitchen", null, "x/2"));
        assertEquals("x/1", dir.entry("a").orElseThrow().address());
        assertEquals(2, dir.bySiteId("kitchen").size());
        assertEquals(List.of("a"), dir.byPublicKey(PEM.replace("\n", "\r\n  ")).stream().map(PeerInfo::peerId).toList());
        assertEquals(List.of(), dir.bySiteId("garage"));
        assertEquals(List.of(), dir.byPublicKey(null));
    }

    @Test
    void aSecondConnectionWithTheSamePeerIdReplacesTheFirstAndTheFirstClosingRemovesNothing() {
        PeerEntry first = entry("a", "kitchen", null, "x/1");
        PeerEntry second = entry("a", "garage", null, "x/2");
        dir.register(first);
        assertEquals(Optional.of(first), dir.register(second));
        assertFalse(dir.unregister(first));
        assertEquals("x/2", dir.entry("a").orElseThrow().address());
        assertEquals(List.of(), dir.bySiteId("kitchen"), "the replaced entry's site index is gone");
        assertTrue(dir.unregister(second));
        assertTrue(dir.peers().isEmpty());
        assertTrue(dir.bySiteId("garage").isEmpty());
    }
}
