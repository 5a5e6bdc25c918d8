package dev.hivemind.engine.hub;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The keys the hub's per-source limits count under: a remote <em>address</em> (IPv4 address, or the /64 prefix of an
 * IPv6 address, since one IPv6 host usually owns a whole /64) and a <em>client at an address</em> (a hash of the access
 * key plus the address). Tables keyed by these hold no credentials.
 */
final class Sources {
    /** IPv6 addresses are grouped by this prefix length. */
    static final int IPV6_PREFIX_BITS = 64;

    private Sources() {
    }

    /** The address key of {@code remote}; {@code "unknown"} when the transport gave none. */
    static String address(InetSocketAddress remote) {
        if (remote == null) {
            return "unknown";
        }
        InetAddress a = remote.getAddress();
        if (a == null) {
            return "host:" + remote.getHostString();
        }
        if (a instanceof Inet6Address v6 && !isMappedV4(v6)) {
            byte[] b = v6.getAddress();
            return "ip6:" + HexFormat.of().formatHex(b, 0, IPV6_PREFIX_BITS / 8) + "/" + IPV6_PREFIX_BITS;
        }
        return "ip:" + a.getHostAddress();
    }

    /** The key of one access key at one address. */
    static String client(String accessKey, String address) {
        return "key:" + digest(accessKey) + "@" + address;
    }

    private static boolean isMappedV4(Inet6Address a) {
        byte[] b = a.getAddress();
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    private static String digest(String accessKey) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(accessKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
