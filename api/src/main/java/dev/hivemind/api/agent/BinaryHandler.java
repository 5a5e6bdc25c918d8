package dev.hivemind.api.agent;

import dev.hivemind.api.plugin.NamedPlugin;

/**
 * Receives the BINARY messages satellites send (audio, images, files), like hivemind-core's binary-data plugin.
 * Discovered with {@link java.util.ServiceLoader}; the configuration's {@code binary_handler} selects one by name
 * (without one the hub logs and ignores binary data, as hivemind-core does). A handler may answer through the
 * {@link HubBus} (a transcript, synthesised audio). Callbacks run on the sender's connection thread: hand long work
 * (speech recognition) to your own executor.
 */
public interface BinaryHandler extends NamedPlugin {
    /** Called once, before the first session, with the bus to answer on. */
    default void start(HubBus bus) {
    }

    /** Binary data from a peer. */
    void onBinary(PeerInfo from, BinaryInput input);

    /** Called once when the hub stops. */
    default void stop() {
    }
}
