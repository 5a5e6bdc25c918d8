package dev.hivemind.api.transport;

import java.net.InetSocketAddress;

/**
 * A connection attempt before it is accepted: the authorization token (the WebSocket query value
 * {@code authorization}, or the TCP AUTH frame), the transport name and the peer's address.
 *
 * @param authorizationToken Base64({@code useragent:access_key}), exactly as received, or {@code null} if absent
 * @param transport          the transport's plugin name
 * @param remoteAddress      the peer's address
 */
public record AdmissionRequest(String authorizationToken, String transport, InetSocketAddress remoteAddress) {
    /** Never prints the token. */
    @Override
    public String toString() {
        return "AdmissionRequest[" + transport + " from " + remoteAddress + "]";
    }
}
