package dev.hivemind.engine.session;

import dev.hivemind.api.auth.ServerAuthFactory;
import dev.hivemind.api.error.AuthenticationException;
import dev.hivemind.api.error.PolicyViolationException;
import dev.hivemind.api.error.ProtocolViolationException;
import dev.hivemind.api.handshake.ClientHandshake;
import dev.hivemind.api.handshake.HandshakeOffer;
import dev.hivemind.api.log.LogSafe;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.wire.CipherSuite;
import dev.hivemind.api.wire.TextEncoding;
import dev.hivemind.engine.auth.AuthPolicy;
import dev.hivemind.engine.auth.MethodGrant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The auth methods the hub's policy grants one client: what the HANDSHAKE offer announces for them, and which of them
 * a client's HANDSHAKE selects by the selector field it carries.
 */
final class GrantedMethods {
    private final ClientRecord client;
    private final AuthPolicy policy;
    private final List<MethodGrant> grants;
    private final SessionEnvironment env;

    GrantedMethods(ClientRecord client, AuthPolicy policy, SessionEnvironment env) {
        this.client = client;
        this.policy = policy;
        this.grants = policy.grants(client);
        this.env = env;
    }

    /**
     * The offer, and the granted key methods (a pre-shared key) whose key may be in force before any handshake.
     *
     * @param offer      the HANDSHAKE offer to send
     * @param keyMethods the usable granted key methods, in policy order
     */
    record Plan(HandshakeOffer offer, List<MethodGrant> keyMethods) {
    }

    /** @throws PolicyViolationException if no granted method is usable under the handshake settings */
    Plan plan() {
        List<MethodGrant> keyMethods = grants.stream()
                .filter(g -> !g.method().isHandshake() && env.handshake().minProtocolVersion() == 0).toList();
        List<MethodGrant> handshakeMethods = env.handshake().enabled()
                ? grants.stream().filter(g -> g.method().isHandshake()).toList() : List.of();
        if (keyMethods.isEmpty() && handshakeMethods.isEmpty()) {
            throw new PolicyViolationException("no usable authentication method",
                    "no enabled auth method may authenticate client " + client.clientId() + " (it holds credentials "
                            + client.credentials().keySet() + "; enabled: "
                            + policy.methods().stream().map(ServerAuthFactory::name).toList() + ")");
        }
        boolean presharedKey = !keyMethods.isEmpty();
        boolean requireCrypto = env.handshake().requireEncryption();
        int minVersion = Math.max(env.handshake().minProtocolVersion(), !presharedKey && requireCrypto ? 1 : 0);
        int maxVersion = Math.max(minVersion, env.handshake().maxProtocolVersion());
        boolean passwordFlag = false;
        boolean pskFlag = false;
        Map<String, Object> extra = new LinkedHashMap<>();
        for (MethodGrant g : concat(keyMethods, handshakeMethods)) {
            Optional<String> flag = g.method().offerFlag();
            if (flag.isEmpty()) {
                continue;
            }
            switch (flag.get()) {
                case HandshakeOffer.PASSWORD -> passwordFlag = true;
                case HandshakeOffer.PRESHARED_KEY -> pskFlag = true;
                default -> extra.put(flag.get(), true);
            }
        }
        HandshakeOffer offer = new HandshakeOffer(!presharedKey && !handshakeMethods.isEmpty(), minVersion, maxVersion,
                env.handshake().binarize(), pskFlag, passwordFlag, requireCrypto,
                env.crypto().allowedEncodings().stream().map(TextEncoding::wireName).toList(),
                env.crypto().allowedCiphers().stream().map(CipherSuite::wireName).toList(), extra);
        return new Plan(offer, keyMethods);
    }

    /** The enabled method whose selector field the HANDSHAKE carries, if the hub granted it to this client. */
    MethodGrant select(ClientHandshake hs) {
        List<ServerAuthFactory> selected = new ArrayList<>();
        for (ServerAuthFactory m : policy.methods()) {
            if (m.selectorField().isPresent() && hs.authField(m.selectorField().get()).isPresent()) {
                selected.add(m);
            }
        }
        if (selected.size() > 1) {
            throw new ProtocolViolationException("ambiguous handshake", "HANDSHAKE carries the selector fields of "
                    + selected.stream().map(ServerAuthFactory::name).toList());
        }
        if (selected.isEmpty()) {
            throw new AuthenticationException("HANDSHAKE carries no field of an enabled auth method (fields: "
                    + LogSafe.list(hs.authFields().keySet()) + ")");
        }
        String name = selected.get(0).name();
        if (!env.handshake().enabled()) {
            throw new AuthenticationException("key exchanges are disabled (handshake.enabled is false)");
        }
        return grants.stream().filter(g -> g.name().equals(name)).findFirst()
                .orElseThrow(() -> new AuthenticationException("auth method '" + name
                        + "' may not authenticate client " + client.clientId() + " (its record holds no usable "
                        + name + " credential)"));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
