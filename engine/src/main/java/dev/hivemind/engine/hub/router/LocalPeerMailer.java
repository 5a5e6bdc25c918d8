package dev.hivemind.engine.hub.router;

import dev.hivemind.api.wire.HiveMessage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;

/** Addresses of this process's connections, each with the sink that sends to it. */
public final class LocalPeerMailer implements PeerMailer {
    private final ConcurrentMap<String, Consumer<HiveMessage>> sinks = new ConcurrentHashMap<>();

    /** Opens an address. */
    public void open(String address, Consumer<HiveMessage> sink) {
        sinks.put(address, sink);
    }

    /** Closes an address; later posts to it are dropped. */
    public void close(String address) {
        sinks.remove(address);
    }

    @Override
    public void post(String address, HiveMessage message) {
        Consumer<HiveMessage> sink = sinks.get(address);
        if (sink != null) {
            sink.accept(message);
        }
    }
}
