package dev.hivemind.examples.embedding;

// tag::imports[]
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.MessageType;
import dev.hivemind.embedded.HiveMind;
import dev.hivemind.embedded.Satellite;
import dev.hivemind.embedded.SatelliteSession;
import dev.hivemind.embedded.SessionEnd;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
// end::imports[]
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A kitchen satellite in plain Java: it stays connected to its hub (reconnecting with a back-off when the session ends
 * for any other reason than our own close), says utterances and hands what the hub speaks to the application.
 */
public final class KitchenSatellite implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KitchenSatellite.class);

    private final Satellite satellite;
    private final Consumer<String> speaker;
    private volatile SatelliteSession session;
    private volatile CompletableFuture<SatelliteSession> connected = new CompletableFuture<>();
    private volatile boolean closing;

    /**
     * @param hubUrl   the hub, for example {@code ws://127.0.0.1:5678}
     * @param speaker  receives each utterance the hub speaks
     */
    public KitchenSatellite(String hubUrl, String accessKey, String password, Consumer<String> speaker) {
        this.speaker = speaker;
        // tag::build[]
        Satellite satellite = HiveMind.satellite()
                .url(hubUrl)                            // ws://, wss://, tcp:// or tcps://
                .accessKey(accessKey)
                .password(password)
                .siteId("kitchen")
                .connectTimeout(Duration.ofSeconds(10)) // TCP, TLS, upgrade and handshake: one deadline
                .build();
        // end::build[]
        this.satellite = satellite;
    }

    /** One session, without reconnecting (what {@link #start()} does in a loop). */
    public CompletionStage<SatelliteSession> connectOnce() {
        // tag::connect[]
        CompletionStage<SatelliteSession> connecting = satellite.connect(this::onMessage); // or a typed error
        connecting.thenAccept(s -> LOG.info("connected with {} as session {}", s.info().authMethod(), s.sessionId()));
        // end::connect[]
        return connecting.thenApply(s -> {
            session = s;
            connected.complete(s);
            return s;
        });
    }

    /** Connects, and reconnects whenever the session is lost; completes with the first session. */
    public CompletionStage<SatelliteSession> start() {
        keepConnected(Duration.ofMillis(200));
        return connected;
    }

    // tag::reconnect[]
    private void keepConnected(Duration backoff) {
        satellite.connect(this::onMessage).whenComplete((newSession, error) -> {
            if (error != null) { // refused, unreachable, timed out: try again later, waiting longer each time
                Duration next = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0
                        ? Duration.ofSeconds(30) : backoff.multipliedBy(2);
                CompletableFuture.delayedExecutor(backoff.toMillis(), TimeUnit.MILLISECONDS)
                        .execute(() -> keepConnected(next));
                return;
            }
            session = newSession;
            connected.complete(newSession);
            newSession.closeHandler(end -> {
                if (!(end instanceof SessionEnd.ClosedByUs) && !closing) {
                    connected = new CompletableFuture<>();
                    keepConnected(Duration.ofMillis(200)); // the hub went away or dropped us: connect again
                }
            });
        });
    }
    // end::reconnect[]

    // tag::receive[]
    private void onMessage(HiveMessage message) { // on the connection's event loop: never block here
        if (message.type() == MessageType.BUS && "speak".equals(message.payload().get("type"))
                && message.payload().get("data") instanceof Map<?, ?> data) {
            speaker.accept(String.valueOf(data.get("utterance")));
        }
    }
    // end::receive[]

    /** Says {@code utterance} to the hub; completes once it is written. */
    public CompletionStage<Void> say(String utterance) {
        SatelliteSession current = session;
        // tag::send[]
        HiveMessage message = HiveMessage.bus("recognizer_loop:utterance",
                Map.of("utterances", List.of(utterance), "lang", "en-us"), Map.of());
        CompletionStage<Void> written = current.send(message); // fails at once if the session has ended
        // end::send[]
        return written;
    }

    /** The session in force, once connected (a new one after each reconnect). */
    public CompletionStage<SatelliteSession> connected() {
        return connected;
    }

    @Override
    public void close() {
        closing = true;
        satellite.close(); // closes the session (1000) and releases the satellite's threads
    }
}
