package dev.hivemind.transport.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** How pending connections are grouped by address (the per-address cap's key). */
class PendingConnectionsTest {
    @Test
    void ipv4ByAddressIpv6ByItsSlash64MappedIpv4AsIpv4() throws Exception {
        assertEquals("127.0.0.2", PendingConnections.addressOf(new InetSocketAddress("127.0.0.2", 5)));
        assertEquals(PendingConnections.addressOf(new InetSocketAddress("2001:db8:1:2::1", 5)),
                PendingConnections.addressOf(new InetSocketAddress("2001:db8:1:2:ffff::7", 6)));
        assertNotEquals(PendingConnections.addressOf(new InetSocketAddress("2001:db8:1:2::1", 5)),
                PendingConnections.addressOf(new InetSocketAddress("2001:db8:1:3::1", 5)));
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, 10, 0, 0, 1};
        assertEquals("10.0.0.1", PendingConnections.addressOf(new InetSocketAddress(
                InetAddress.getByAddress(mapped), 5)));
        assertEquals("unknown", PendingConnections.addressOf(null));
    }
}
