package dev.hivemind.engine.hub.router;

import dev.hivemind.api.agent.PeerInfo;
import dev.hivemind.api.error.ProtocolViolationException;
import dev.hivemind.api.log.LogSafe;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.MessageType;
import dev.hivemind.engine.codec.json.HiveMessageCodec;
import java.security.PublicKey;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Every rule on what a peer may send and receive once its session is established, in one place (HUB-ROUTING.md, and
 * docs/routing.md for where this hub deliberately differs). Permissions come from the client record as it was at
 * connect time. A type without a rule is dropped (deny by default). The policy only decides; the router acts.
 */
public final class MessagePolicy {
    /** What a BROADCAST, PROPAGATE or ESCALATE may carry; anything else (a nested wrapper, HELLO, ...) is dropped. */
    public static final Set<MessageType> RELAYED = EnumSet.of(MessageType.BUS, MessageType.INTERCOM, MessageType.PING,
            MessageType.THIRDPRTY);

    /** The OVOS session a BUS message without {@code context.session} is in (only admins may use it). */
    public static final String DEFAULT_SESSION = "default";

    private final HiveMessageCodec codec;

    public MessagePolicy(HiveMessageCodec codec) {
        this.codec = codec;
    }

    /** A message from a directly connected peer (satellite or hub below). */
    public Verdict fromPeer(PeerInfo sender, ClientRecord client, PublicKey senderKey, HiveMessage m) {
        return switch (m.type()) {
            case BUS -> bus(client, m);
            case SHARED_BUS -> Verdict.pass();
            case BROADCAST -> client.admin() ? wrapped(sender, client, senderKey, m)
                    : Verdict.drop("only admins may broadcast");
            case PROPAGATE -> client.canPropagate() ? wrapped(sender, client, senderKey, m)
                    : Verdict.drop("the client may not propagate (can_propagate is off)");
            case ESCALATE -> client.canEscalate() ? wrapped(sender, client, senderKey, m)
                    : Verdict.drop("the client may not escalate (can_escalate is off)");
            case INTERCOM -> intercom(sender, senderKey, m);
            case BINARY -> Verdict.pass();
            case HELLO, HANDSHAKE -> Verdict.malformed("unexpected " + m.type().wireName() + " after the handshake");
            case PING, QUERY, CASCADE, RENDEZVOUS, THIRDPRTY -> Verdict.drop(m.type().wireName()
                    + " is not handled on its own (hivemind-core drops it too)");
        };
    }

    /** A message from the upstream hub: it may push BUS, BROADCAST, PROPAGATE and INTERCOM down, nothing else. */
    public Verdict fromUpstream(HiveMessage m) {
        return switch (m.type()) {
            case BUS -> busShape(m) ? Verdict.pass() : Verdict.drop("bus message without a type");
            case BROADCAST, PROPAGATE -> relayable(m);
            case INTERCOM -> IntercomSignature.wellFormed(m.payload()) ? Verdict.pass()
                    : Verdict.drop("intercom without ciphertext and signature");
            default -> Verdict.drop(m.type().wireName() + " from the upstream hub is not routed down");
        };
    }

    /**
     * B1 and B3: a BUS message (also one a BROADCAST/PROPAGATE/ESCALATE injects here) must name an OVOS type, a
     * non-admin must not use the session {@code default} (disconnect), and the type must be in {@code allowed_types}.
     */
    public Verdict bus(ClientRecord client, HiveMessage m) {
        if (!busShape(m)) {
            return Verdict.malformed("bus message without a type or with a context that is not an object");
        }
        if (DEFAULT_SESSION.equals(sessionId(m.payload())) && !client.admin()) {
            return Verdict.disconnect("session 'default' is reserved for admins");
        }
        String type = (String) m.payload().get("type");
        if (!client.allowedTypes().contains(type)) {
            return Verdict.drop("bus type '" + LogSafe.text(type) + "' is not in allowed_types");
        }
        return Verdict.pass();
    }

    /**
     * H6, plus what hivemind-core leaves out: an INTERCOM needs its ciphertext and signature, and from a satellite the
     * signature must verify with the public key of its HELLO. A hub below relays other satellites' INTERCOMs: it
     * checked them itself, and its admin record is trusted to.
     */
    public Verdict intercom(PeerInfo sender, PublicKey senderKey, HiveMessage m) {
        if (!IntercomSignature.wellFormed(m.payload())) {
            return Verdict.drop("intercom without ciphertext and signature");
        }
        if (sender.role() == PeerInfo.Role.HUB) {
            return Verdict.pass();
        }
        if (senderKey == null) {
            return Verdict.drop("intercom from a peer whose HELLO announced no usable public key");
        }
        return IntercomSignature.verify(senderKey, m.payload()) ? Verdict.pass()
                : Verdict.drop("intercom signature does not verify with the sender's public key");
    }

    /** G5: whether a message may go to a client, given its {@code message_blacklist}. */
    public boolean mayDeliver(ClientRecord recipient, HiveMessage m) {
        if (m.type() == MessageType.BINARY || recipient.messageBlacklist().isEmpty()) {
            return true;
        }
        Object inner = m.payload().get("type");
        if (!(inner instanceof String)) {
            inner = m.payload().get("msg_type"); // a wrapped message: its hive type, as hivemind-core compares it
        }
        return !(inner instanceof String t && recipient.messageBlacklist().contains(t));
    }

    /** The session id a hub reads from a BUS payload: {@code default} when {@code context.session} is absent. */
    public static String sessionId(Map<String, Object> busPayload) {
        Object ctx = busPayload.get("context");
        Object session = ctx instanceof Map<?, ?> c ? c.get("session") : null;
        if (!(session instanceof Map<?, ?> s)) {
            return DEFAULT_SESSION;
        }
        return s.get("session_id") instanceof String id && !id.isEmpty() ? id : "";
    }

    /** A wrapper's inner message: relayable, its BUS type allowed (admins may relay any), its INTERCOM signed. */
    private Verdict wrapped(PeerInfo sender, ClientRecord client, PublicKey senderKey, HiveMessage wrapper) {
        Verdict v = relayable(wrapper);
        if (!v.passes()) {
            return v;
        }
        HiveMessage inner = v.inner();
        if (inner.type() == MessageType.INTERCOM) {
            Verdict signed = intercom(sender, senderKey, inner);
            return signed.passes() ? v : signed;
        }
        if (inner.type() == MessageType.BUS && !client.admin()) {
            Object t = inner.payload().get("type");
            if (!client.allowedTypes().contains(t)) {
                return Verdict.drop(wrapper.type().wireName() + " of bus type '" + LogSafe.text(t)
                        + "', not in allowed_types");
            }
        }
        return v;
    }

    private Verdict relayable(HiveMessage wrapper) {
        HiveMessage inner;
        try {
            inner = codec.unwrap(wrapper);
        } catch (ProtocolViolationException e) {
            return Verdict.malformed("malformed message inside " + wrapper.type().wireName());
        }
        if (!RELAYED.contains(inner.type())) {
            return Verdict.drop(wrapper.type().wireName() + " may not carry " + inner.type().wireName());
        }
        if (inner.type() == MessageType.PING && wrapper.type() != MessageType.PROPAGATE) {
            return Verdict.drop("a ping travels inside propagate only");
        }
        if (inner.type() == MessageType.BUS && !busShape(inner)) {
            return Verdict.malformed("malformed bus message inside " + wrapper.type().wireName());
        }
        if (inner.type() == MessageType.INTERCOM && !IntercomSignature.wellFormed(inner.payload())) {
            return Verdict.drop("intercom without ciphertext and signature inside " + wrapper.type().wireName());
        }
        return Verdict.pass(inner);
    }

    private static boolean busShape(HiveMessage m) {
        Object ctx = m.payload().get("context");
        Object data = m.payload().get("data");
        return m.payload().get("type") instanceof String t && !t.isEmpty() && (ctx == null || ctx instanceof Map<?, ?>)
                && (data == null || data instanceof Map<?, ?>);
    }
}
