package dev.hivemind.dist.cli;

import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.JsonValues;
import dev.hivemind.api.wire.MessageType;
import dev.hivemind.engine.client.HiveMindConnection;
import dev.hivemind.engine.codec.json.HiveJson;
import dev.hivemind.engine.codec.json.HiveMessageCodec;
import dev.hivemind.engine.codec.json.JsonLimits;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What {@code connect} says and prints once connected: each utterance as {@code sent: TEXT} and what the hub sends as
 * {@code received: …}, one line per message, whatever its type. With {@code --send}: one reply per utterance.
 * Interactive: every message is printed as it arrives (replies, broadcasts, intercoms, pings), while lines are read;
 * with a {@link Reconnect}, a lost connection is replaced by a new one (another hub of a cluster, a fresh handshake).
 */
final class Conversation {
    /** Opens a new session after the current one was lost; {@code null} when it gives up. */
    @FunctionalInterface
    interface Reconnect {
        HiveMindConnection after(HiveMindConnection.CloseInfo lost) throws InterruptedException;
    }

    private static final HiveJson JSON = new HiveJson(JsonLimits.defaults());
    private static final Duration QUIET = Duration.ofMillis(300);

    private volatile HiveMindConnection connection;
    private final HiveMessageCodec codec;
    private final PrintWriter out;
    private final String lang;
    private final Duration wait;
    private final Reconnect reconnect;

    Conversation(HiveMindConnection connection, HiveMessageCodec codec, PrintWriter out, String lang, Duration wait) {
        this(connection, codec, out, lang, wait, null);
    }

    /** @param reconnect what replaces a lost connection while interacting, or {@code null} (the command ends) */
    Conversation(HiveMindConnection connection, HiveMessageCodec codec, PrintWriter out, String lang, Duration wait,
            Reconnect reconnect) {
        this.connection = connection;
        this.codec = codec;
        this.out = out;
        this.lang = lang;
        this.wait = wait;
        this.reconnect = reconnect;
    }

    /** The session in use (a new one after a reconnect). */
    HiveMindConnection connection() {
        return connection;
    }

    /** Sends an utterance and prints the first message that comes back. */
    void exchange(String text) throws InterruptedException {
        send(text);
        Optional<HiveMessage> reply = connection.poll(wait);
        if (reply.isEmpty()) {
            throw closedOr("no reply within " + wait.toSeconds() + " s");
        }
        print(reply.get());
    }

    /** Reads utterances, one per line, until EOF; prints every message as it arrives, then what is still due. */
    void interact(BufferedReader in) throws InterruptedException {
        AtomicLong received = new AtomicLong();
        Thread printer = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    connection.poll(Duration.ofMillis(200)).ifPresent(m -> {
                        print(m);
                        received.incrementAndGet();
                    });
                    if (connection.closed().toCompletableFuture().isDone() && !replaced()) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "hivemind-connect-printer");
        printer.setDaemon(true);
        synchronized (out) {
            out.println("type an utterance per line; end with Ctrl-D");
            out.flush();
        }
        printer.start(); // after the prompt: messages that are already waiting come below it
        long sentAt = received.get();
        try {
            String line;
            while ((line = in.readLine()) != null) {
                if (connection.closed().toCompletableFuture().isDone() && (reconnect == null || !printer.isAlive())) {
                    break;
                }
                if (!line.isBlank()) {
                    sentAt = received.get();
                    send(line.strip());
                }
            }
        } catch (IOException e) {
            throw new CliFailure("cannot read standard input: " + e.getMessage());
        }
        // after EOF: print what is still on its way, until a reply came and the hub has been quiet for a moment
        long end = System.nanoTime() + wait.toNanos();
        long last = -1;
        while (System.nanoTime() < end && printer.isAlive()) {
            long now = received.get();
            if (now > sentAt && now == last) {
                break;
            }
            last = now;
            Thread.sleep(QUIET.toMillis());
        }
        printer.interrupt();
        printer.join(1000);
        if (connection.closed().toCompletableFuture().isDone()) {
            throw closedOr("");
        }
    }

    /** The connection was lost: whether a new one replaced it. */
    private boolean replaced() throws InterruptedException {
        if (reconnect == null) {
            return false;
        }
        HiveMindConnection.CloseInfo lost = connection.closed().toCompletableFuture().handle((info, error) ->
                info != null ? info : new HiveMindConnection.CloseInfo(1006, "connection lost", Optional.empty()))
                .join();
        synchronized (out) {
            out.println("connection lost (" + HubClose.describe(lost.code(), lost.reason()) + "): reconnecting");
            out.flush();
        }
        HiveMindConnection next = reconnect.after(lost);
        if (next == null) {
            return false;
        }
        connection = next;
        return true;
    }

    private void send(String text) {
        connection.send(HiveMessage.bus("recognizer_loop:utterance",
                JsonValues.object("utterances", List.of(text), "lang", lang), JsonValues.object()));
        synchronized (out) {
            out.println("sent: " + text);
            out.flush();
        }
    }

    private void print(HiveMessage m) {
        synchronized (out) {
            out.println("received: " + describe(m, codec));
            out.flush();
        }
    }

    private CliFailure closedOr(String otherwise) {
        if (connection.closed().toCompletableFuture().isDone()) {
            HiveMindConnection.CloseInfo close = connection.closed().toCompletableFuture().join();
            return new CliFailure(HubClose.describe(close.code(), close.reason()));
        }
        return new CliFailure(otherwise);
    }

    /** One line for any message: its type first, then what a person wants to see of it. */
    static String describe(HiveMessage m, HiveMessageCodec codec) {
        return switch (m.type()) {
            case BUS, SHARED_BUS -> m.type().wireName() + " " + m.payload().get("type") + " "
                    + JSON.write(m.payload().get("data") == null ? Map.of() : m.payload().get("data"));
            case BINARY -> "bin " + m.binaryType() + " (" + m.binaryPayload().length + " bytes)"
                    + (m.metadata().isEmpty() ? "" : " " + JSON.write(m.metadata()));
            case INTERCOM -> "intercom from " + m.sourcePeer() + " (encrypted for "
                    + (m.targetPubkey() != null ? "a public key" : "site " + m.targetSiteId()) + ")";
            case BROADCAST, PROPAGATE, ESCALATE, QUERY, CASCADE -> m.type().wireName() + " of " + inner(m, codec);
            default -> m.type().wireName() + " " + JSON.write(m.payload());
        };
    }

    private static String inner(HiveMessage wrapper, HiveMessageCodec codec) {
        try {
            return describe(codec.unwrap(wrapper), codec);
        } catch (RuntimeException e) {
            return JSON.write(wrapper.payload());
        }
    }
}
