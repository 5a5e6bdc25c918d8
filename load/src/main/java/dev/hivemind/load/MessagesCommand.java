package dev.hivemind.load;

import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.JsonValues;
import dev.hivemind.api.wire.MessageType;
import dev.hivemind.engine.client.HiveMindConnection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code messages}: C established sessions send BUS {@code recognizer_loop:utterance} messages. Without a rate, each
 * session keeps {@code --pipeline} messages in flight and sends the next when the echo's {@code speak} reply arrives
 * (round trips as fast as the hub answers). With {@code --rate R}, messages leave at R per second in total whatever
 * the replies do, and a reply's latency is counted from the moment its message was due (no coordinated omission).
 * {@code --send-only} (with a rate) does not wait for replies: for hubs without an echo agent, e.g. hivemind-core;
 * a message that would queue behind {@value #MAX_UNSENT} unwritten ones on its session is not sent but counted as
 * {@code backpressure}, so the completed count is what the hub's socket took.
 */
@Command(name = "messages", mixinStandardHelpOptions = true,
        description = "Send BUS messages over C sessions: round trips through the hub's echo, or at a fixed rate.")
final class MessagesCommand extends LoadCommand {
    /** Messages waiting for their reply, per session, beyond which the generator stops sending on it. */
    private static final int MAX_OUTSTANDING = 10_000;
    /** Send-only: messages per session not yet written to the socket, beyond which the generator holds back. */
    private static final int MAX_UNSENT = 64;

    @Option(names = {"-c", "--connections"}, defaultValue = "16", paramLabel = "C",
            description = "Sessions (default ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--rate", defaultValue = "0", paramLabel = "MSGS_PER_S",
            description = "Total send rate; 0 = closed loop, as fast as replies come (default).")
    double rate;

    @Option(names = "--pipeline", defaultValue = "1", paramLabel = "N",
            description = "Closed loop: messages in flight per session (default ${DEFAULT-VALUE}).")
    int pipeline;

    @Option(names = "--send-only", description = "Do not wait for replies (needs --rate).")
    boolean sendOnly;

    @Option(names = "--size", defaultValue = "0", paramLabel = "CHARS",
            description = "Utterance length in characters (default: a short sentence).")
    int size;

    @Override
    String mode() {
        return "messages";
    }

    @Override
    Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("connections", connections);
        p.put("rate", rate);
        p.put("pipeline", pipeline);
        p.put("send_only", sendOnly);
        p.put("utterance_chars", size);
        p.put("duration_s", durationSeconds);
        return p;
    }

    @Override
    ModeResult run(LoadTarget target, Outcomes outcomes, Duration duration, HubWatch hub,
            Window window) throws Exception {
        if (sendOnly && rate <= 0) {
            throw new ParameterException(spec.commandLine(), "--send-only needs --rate");
        }
        HiveMessage message = utterance(size);
        List<Session> sessions = new java.util.ArrayList<>();
        for (int i = 0; i < connections; i++) {
            sessions.add(new Session(outcomes));
        }
        try (ConnectionPool pool = new ConnectionPool()) {
            pool.open(target, connections, Math.min(connections, 64), i -> sessions.get(i)::onMessage, timeoutSeconds);
            List<Session> live = new java.util.ArrayList<>();
            for (int i = 0; i < connections; i++) {
                HiveMindConnection c = pool.attempt(i); // the session whose replies go to sessions.get(i)
                if (c != null) {
                    sessions.get(i).connection = c;
                    live.add(sessions.get(i));
                }
            }
            if (live.isEmpty()) {
                throw new IllegalStateException("no session could be established: " + pool.handshakes().failures());
            }
            window.begin();
            long deadline = System.nanoTime() + duration.toNanos();
            if (rate > 0) {
                paced(live, message, deadline);
            } else {
                closedLoop(live, message, deadline);
            }
            window.end();
            long unanswered = 0;
            if (sendOnly) {
                drainReplies(live);
            } else {
                long wait = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (System.nanoTime() < wait && live.stream().anyMatch(s -> !s.due.isEmpty())) {
                    Thread.sleep(10);
                }
                unanswered = live.stream().mapToLong(s -> s.due.size()).sum();
                for (long n = 0; n < unanswered; n++) {
                    outcomes.failure("no-reply");
                }
            }
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("sessions", live.size());
            extra.put("handshake_failures", pool.handshakes().failures());
            extra.put("sent", live.stream().mapToLong(s -> s.sent.get()).sum());
            extra.put("unanswered", unanswered);
            // with --send-only against an echo hub: how many messages the hub demonstrably processed
            extra.put("replies_received", live.stream().mapToLong(s -> s.replies.get()).sum());
            return new ModeResult(extra);
        }
    }

    private void closedLoop(List<Session> sessions, HiveMessage message, long deadline) throws InterruptedException {
        for (Session s : sessions) {
            s.closedLoop = true;
            s.message = message;
            s.deadline = deadline;
            for (int i = 0; i < pipeline; i++) {
                s.send(System.nanoTime());
            }
        }
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, Math.min(100, left / 1_000_000)));
        }
    }

    private void paced(List<Session> sessions, HiveMessage message, long deadline) {
        long start = System.nanoTime();
        long sent = 0;
        double nanosPerMessage = 1e9 / rate;
        int next = 0;
        while (true) {
            long now = System.nanoTime();
            if (now >= deadline) {
                return;
            }
            long due = (long) ((now - start) / nanosPerMessage) + 1; // message i is due at start + i / rate
            for (; sent < due; sent++) {
                Session s = sessions.get(next);
                next = (next + 1) % sessions.size();
                long intended = start + (long) (sent * nanosPerMessage);
                if (sendOnly && s.connection.unsent() >= MAX_UNSENT) {
                    s.outcomes.failure("backpressure"); // the hub does not take more: not sent, counted
                } else if (sendOnly) {
                    s.connection.send(message);
                    s.sent.incrementAndGet();
                    s.outcomes.success();
                } else if (s.due.size() >= MAX_OUTSTANDING) {
                    s.outcomes.failure("backlog");
                } else {
                    s.message = message;
                    s.send(intended);
                }
            }
            long nextDue = start + (long) (sent * nanosPerMessage);
            LockSupport.parkNanos(Math.max(20_000, Math.min(nextDue - System.nanoTime(), 1_000_000)));
        }
    }

    /** Waits (up to 5 s) until no more replies arrive for half a second: what the hub still had queued. */
    private static void drainReplies(List<Session> sessions) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        long last = -1;
        long now = sessions.stream().mapToLong(s -> s.replies.get()).sum();
        while (now != last && System.nanoTime() < end) {
            Thread.sleep(500);
            last = now;
            now = sessions.stream().mapToLong(s -> s.replies.get()).sum();
        }
    }

    static HiveMessage utterance(int chars) {
        String text = chars <= 0 ? "what time is it" : "a".repeat(chars);
        return HiveMessage.bus("recognizer_loop:utterance",
                JsonValues.object("utterances", List.of(text), "lang", "en-us"),
                JsonValues.object("source", "hivemind-load", "destination", "HiveMind"));
    }

    /** One session's sending side: when each unanswered message was due, and the closed loop's next send. */
    private static final class Session {
        final Outcomes outcomes;
        final Queue<Long> due = new ConcurrentLinkedQueue<>();
        volatile HiveMindConnection connection;
        volatile HiveMessage message;
        volatile boolean closedLoop;
        volatile long deadline;
        final java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();
        final java.util.concurrent.atomic.AtomicLong replies = new java.util.concurrent.atomic.AtomicLong();

        Session(Outcomes outcomes) {
            this.outcomes = outcomes;
        }

        void send(long dueAt) {
            due.add(dueAt);
            sent.incrementAndGet();
            connection.send(message);
        }

        void onMessage(HiveMessage reply) {
            if (reply.type() != MessageType.BUS || !"speak".equals(reply.payload().get("type"))) {
                return;
            }
            replies.incrementAndGet();
            Long at = due.poll();
            if (at == null) {
                return; // a reply to a send-only message
            }
            long now = System.nanoTime();
            outcomes.success(now - at);
            if (closedLoop && now < deadline) {
                send(now);
            }
        }
    }
}
