package dev.hivemind.transport.vertx;

import io.vertx.core.net.SocketAddress;
import java.net.InetSocketAddress;

/** Vert.x socket addresses as the {@link InetSocketAddress} the api's connections report. */
public final class SocketAddresses {
    private SocketAddresses() {
    }

    /** {@code address} as an {@link InetSocketAddress}, never resolving a name; {@code unknown:0} if absent. */
    public static InetSocketAddress of(SocketAddress address) {
        if (address == null) {
            return InetSocketAddress.createUnresolved("unknown", 0);
        }
        String host = address.hostAddress() != null ? address.hostAddress() : address.host();
        return new InetSocketAddress(host == null ? "0.0.0.0" : host, Math.max(0, address.port()));
    }
}
