package dev.hivemind.engine.hub.router;

import dev.hivemind.api.wire.HiveMessage;

/**
 * Delivers a message to a peer's address ({@link PeerEntry#address()}). The owner of the connection applies the
 * recipient's {@code message_blacklist} and encrypts. Fire and forget: a message for an address that is gone is
 * dropped. {@link LocalPeerMailer} serves the connections of this process; a clustered mailer would send to the node
 * that holds the address.
 */
public interface PeerMailer {
    void post(String address, HiveMessage message);
}
