package dev.hivemind.api.agent;

import java.util.List;
import java.util.Optional;

/**
 * The peers the hub can deliver to, looked up the ways HiveMind addresses them: by peer id ({@code context.destination}
 * of a reply), by site id ({@code target_site_id}) and by public key ({@code target_pubkey} of an INTERCOM). A read-only
 * view; lookups are safe from any thread and reflect connections as they come and go.
 */
public interface PeerDirectory {
    /** The peer with this peer id. */
    Optional<PeerInfo> byPeerId(String peerId);

    /** Every peer whose HELLO announced this site id. */
    List<PeerInfo> bySiteId(String siteId);

    /** Every peer whose HELLO announced this public key (PEM; whitespace and line breaks do not matter). */
    List<PeerInfo> byPublicKey(String publicKeyPem);

    /** Every peer, in no particular order. */
    List<PeerInfo> peers();
}
