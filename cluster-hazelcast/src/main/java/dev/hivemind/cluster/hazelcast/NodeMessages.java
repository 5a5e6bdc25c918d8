package dev.hivemind.cluster.hazelcast;

import dev.hivemind.api.agent.PeerInfo;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.MessageType;
import dev.hivemind.engine.codec.binary.Binarizer;
import dev.hivemind.engine.codec.json.HiveJson;
import dev.hivemind.engine.codec.json.HiveMessageCodec;
import dev.hivemind.engine.hub.router.FanOut;
import dev.hivemind.engine.hub.router.PeerEntry;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * What hub nodes send each other, as JSON: a message in its wire form (BINARY ones bit-packed), a fan-out, a peer
 * entry. Only plain data crosses the event bus, never Java objects, so that no node deserialises a class on another's
 * word.
 */
final class NodeMessages {
    private final HiveJson json;
    private final HiveMessageCodec codec;
    private final Binarizer binarizer;

    NodeMessages(HiveJson json) {
        this.json = json;
        this.codec = new HiveMessageCodec(json);
        this.binarizer = new Binarizer(json);
    }

    JsonObject message(HiveMessage m) {
        return m.type() == MessageType.BINARY ? new JsonObject().put("bin", binarizer.encode(m))
                : new JsonObject().put("json", codec.serialize(m));
    }

    HiveMessage message(JsonObject o) {
        byte[] bin = o.getBinary("bin");
        return bin != null ? binarizer.decode(bin) : codec.parse(o.getString("json"));
    }

    JsonObject post(String address, HiveMessage m) {
        return message(m).put("address", address);
    }

    JsonObject fanOut(FanOut f, String from) {
        return message(f.message()).put("from", from).put("kind", f.kind().name())
                .put("wrapper", f.wrapperType().wireName()).put("route", json.write(f.route()))
                .put("except", f.exceptPeerId());
    }

    FanOut fanOut(JsonObject o) {
        Object route = json.parse(o.getString("route"));
        return new FanOut(FanOut.Kind.valueOf(o.getString("kind")), MessageType.fromWire(o.getString("wrapper")),
                message(o), route instanceof List<?> l ? List.copyOf(l) : List.of(), o.getString("except"));
    }

    static String entry(PeerEntry e) {
        PeerInfo p = e.info();
        return new JsonObject().put("address", e.address()).put("peer", p.peerId()).put("role", p.role().name())
                .put("client", p.clientId()).put("name", p.clientName()).put("site", p.siteId())
                .put("key", p.publicKey()).put("admin", p.admin()).put("node", p.node()).encode();
    }

    static PeerEntry entry(String text) {
        JsonObject o = new JsonObject(text);
        return new PeerEntry(new PeerInfo(o.getString("peer"), PeerInfo.Role.valueOf(o.getString("role")),
                o.getInteger("client"), o.getString("name"), o.getString("site"), o.getString("key"),
                o.getBoolean("admin"), o.getString("node")), o.getString("address"));
    }
}
