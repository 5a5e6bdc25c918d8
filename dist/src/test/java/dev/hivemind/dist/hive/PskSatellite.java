package dev.hivemind.dist.hive;

import dev.hivemind.api.auth.SessionKey;
import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.transport.AuthorizationToken;
import dev.hivemind.api.transport.ClientEndpoint;
import dev.hivemind.api.transport.Frame;
import dev.hivemind.api.transport.TransportClient;
import dev.hivemind.api.wire.CipherSuite;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.MessageType;
import dev.hivemind.api.wire.TextEncoding;
import dev.hivemind.engine.codec.json.HiveMessageCodec;
import dev.hivemind.engine.crypto.NonceSequence;
import dev.hivemind.engine.crypto.SessionCrypto;
import dev.hivemind.engine.plugin.PluginCatalog;
import dev.hivemind.engine.tck.EngineFixtures;
import dev.hivemind.engine.tck.RawPeer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A hand-made satellite over a real WebSocket: it holds a client's pre-shared key, so that its first frame can be a
 * HELLO sealed under that key with whatever fields the test chooses (session id, site id, public key, node type),
 * and then sends whatever messages the test likes, sealed, and opens what the hub sends.
 */
final class PskSatellite implements AutoCloseable {
    private static final HiveMessageCodec CODEC = EngineFixtures.messages();

    private final TransportClient transport;
    private final RawPeer peer = new RawPeer();
    private final SessionCrypto crypto;

    private PskSatellite(TransportClient transport, String psk) {
        this.transport = transport;
        this.crypto = new SessionCrypto(SessionKey.copyOf(psk.getBytes(StandardCharsets.UTF_8)), CipherSuite.AES_GCM,
                new NonceSequence(CipherSuite.AES_GCM), null);
    }

    /** Connects with {@code accessKey}, reads the hub's HELLO and offer, and sends {@code hello} sealed. */
    static PskSatellite connect(int port, String accessKey, String psk, Map<String, Object> hello) throws Exception {
        TransportClient t = PluginCatalog.discover(PskSatellite.class.getClassLoader()).transports().get("websocket")
                .createClient(PluginSettings.empty());
        PskSatellite s = new PskSatellite(t, psk);
        t.connect(ClientEndpoint.parse("ws://127.0.0.1:" + port, port), new AuthorizationToken("psk-satellite",
                accessKey), s.peer::bind).toCompletableFuture().get(10, TimeUnit.SECONDS);
        s.peer.nextText(); // HELLO
        s.peer.nextText(); // HANDSHAKE offer
        s.send(HiveMessage.builder(MessageType.HELLO).payload(hello).build());
        return s;
    }

    /** Sends a message sealed under the pre-shared key. */
    void send(HiveMessage m) {
        peer.connection().send(Frame.text(crypto.sealText(CODEC.serialize(m).getBytes(StandardCharsets.UTF_8),
                TextEncoding.JSON_HEX)));
    }

    /** The next message from the hub, opened. */
    HiveMessage next() throws InterruptedException {
        Frame f = peer.next();
        if (!(f instanceof Frame.Text t)) {
            throw new AssertionError("expected a text frame, got " + f);
        }
        return CODEC.parse(new String(crypto.openText(t.text(), TextEncoding.JSON_HEX), StandardCharsets.UTF_8));
    }

    /** The first message that matches (others are skipped). */
    HiveMessage await(Predicate<HiveMessage> match, String what) throws InterruptedException {
        for (int i = 0; i < 1000; i++) {
            HiveMessage m = next();
            if (match.test(m)) {
                return m;
            }
        }
        throw new AssertionError("never received " + what);
    }

    boolean isClosed() {
        return peer.isClosed();
    }

    /** The code the hub closed the connection with (waits for it). */
    int awaitCloseCode() throws Exception {
        return peer.awaitCloseCode();
    }

    @Override
    public void close() {
        if (peer.connection() != null && peer.connection().isOpen()) {
            peer.connection().close(dev.hivemind.api.error.CloseCode.NORMAL, "bye");
        }
        transport.close();
    }
}
