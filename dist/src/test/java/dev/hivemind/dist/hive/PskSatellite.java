package dev.hivemind.dist.hive;

import dev.hivemind.api.auth.SessionKey;
import dev.hivemind.api.transport.AuthorizationToken;
import dev.hivemind.api.wire.CipherSuite;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.MessageType;
import dev.hivemind.api.wire.TextEncoding;
import dev.hivemind.engine.codec.json.HiveMessageCodec;
import dev.hivemind.engine.crypto.NonceSequence;
import dev.hivemind.engine.crypto.SessionCrypto;
import dev.hivemind.engine.tck.EngineFixtures;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A hand-made satellite over a real WebSocket (Vert.x's client, so that it can stop reading like a slow device): it
 * holds a client's pre-shared key, so that its first frame can be a HELLO sealed under that key with whatever fields
 * the test chooses (session id, site id, public key, node type); then it sends whatever messages the test likes,
 * sealed, and opens what the hub sends.
 */
final class PskSatellite implements AutoCloseable {
    private static final HiveMessageCodec CODEC = EngineFixtures.messages();
    private static final long WAIT_SECONDS = 10;

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
    private final SessionCrypto crypto;
    private final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private WebSocket ws;

    private PskSatellite(String psk) {
        this.crypto = new SessionCrypto(SessionKey.copyOf(psk.getBytes(StandardCharsets.UTF_8)), CipherSuite.AES_GCM,
                new NonceSequence(CipherSuite.AES_GCM), null);
    }

    /** A HELLO payload as satellites send it: {@code pubkey}, {@code session} (id and site), {@code site_id}. */
    static Map<String, Object> hello(String sessionId, String siteId, String pubkey) {
        Map<String, Object> session = new java.util.LinkedHashMap<>();
        session.put("session_id", sessionId);
        session.put("site_id", siteId);
        Map<String, Object> hello = new java.util.LinkedHashMap<>();
        hello.put("pubkey", pubkey);
        hello.put("session", session);
        hello.put("site_id", siteId);
        return hello;
    }

    /** Connects with {@code accessKey}, reads the hub's HELLO and offer, and sends {@code hello} sealed. */
    static PskSatellite connect(int port, String accessKey, String psk, Map<String, Object> hello) throws Exception {
        PskSatellite s = new PskSatellite(psk);
        String token = new AuthorizationToken("psk-satellite", accessKey).encode();
        s.ws = s.vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(1 << 20)
                .setMaxMessageSize(1 << 20)).connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
                .setURI("/?authorization=" + token)).onSuccess(w -> { // on the event loop, before any frame
                    w.textMessageHandler(s.texts::add);
                    w.closeHandler(v -> s.closeCode.complete(w.closeStatusCode() == null ? 1006
                            : (int) w.closeStatusCode()));
                }).toCompletionStage().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        s.nextText(); // HELLO
        s.nextText(); // HANDSHAKE offer
        s.send(HiveMessage.builder(MessageType.HELLO).payload(hello).build());
        return s;
    }

    /** Sends a message sealed under the pre-shared key. */
    void send(HiveMessage m) {
        ws.writeTextMessage(crypto.sealText(CODEC.serialize(m).getBytes(StandardCharsets.UTF_8),
                TextEncoding.JSON_HEX));
    }

    /** Stops reading from the socket (its buffers fill, then the hub's output queue for it). */
    void pause() {
        ws.pause();
    }

    void resume() {
        ws.resume();
    }

    private String nextText() throws InterruptedException {
        String t = texts.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if (t == null) {
            throw new AssertionError("no frame received within " + WAIT_SECONDS + " s");
        }
        return t;
    }

    /** The next message from the hub, opened. */
    HiveMessage next() throws InterruptedException {
        return CODEC.parse(new String(crypto.openText(nextText(), TextEncoding.JSON_HEX), StandardCharsets.UTF_8));
    }

    /** The first message that matches (others are skipped). */
    HiveMessage await(Predicate<HiveMessage> match, String what) throws InterruptedException {
        for (int i = 0; i < 10_000; i++) {
            HiveMessage m = next();
            if (match.test(m)) {
                return m;
            }
        }
        throw new AssertionError("never received " + what);
    }

    /** Reads until a message matches ({@code true}) or nothing arrives for {@code quiet} ({@code false}). */
    boolean readUntil(Predicate<HiveMessage> match, java.time.Duration quiet) throws InterruptedException {
        while (true) {
            String t = texts.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
            if (t == null) {
                return false;
            }
            if (match.test(CODEC.parse(new String(crypto.openText(t, TextEncoding.JSON_HEX),
                    StandardCharsets.UTF_8)))) {
                return true;
            }
        }
    }

    boolean isClosed() {
        return closeCode.isDone();
    }

    /** The code the hub closed the connection with (waits for it). */
    int awaitCloseCode() throws Exception {
        return closeCode.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        vertx.close();
    }
}
