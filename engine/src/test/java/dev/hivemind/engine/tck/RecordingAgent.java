package dev.hivemind.engine.tck;

import dev.hivemind.api.agent.HiveAgent;
import dev.hivemind.api.agent.HubBus;
import dev.hivemind.api.agent.PeerInfo;
import dev.hivemind.api.wire.HiveMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A real agent for tests: records what reaches the application (and from whom) and echoes every message back to its
 * sender through the hub's bus.
 */
public final class RecordingAgent implements HiveAgent {
    /** A message and the peer it came from. */
    public record Received(PeerInfo from, HiveMessage message) {
    }

    private final String name;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<HiveMessage> messages = new CopyOnWriteArrayList<>();
    private final List<HiveMessage> shared = new CopyOnWriteArrayList<>();
    private final List<PeerInfo> established = new CopyOnWriteArrayList<>();
    private final List<PeerInfo> closed = new CopyOnWriteArrayList<>();
    private volatile boolean echo = true;
    private volatile HubBus bus;

    public RecordingAgent() {
        this("recording");
    }

    public RecordingAgent(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    public RecordingAgent echo(boolean on) {
        this.echo = on;
        return this;
    }

    @Override
    public void start(HubBus hubBus) {
        this.bus = hubBus;
    }

    /** The bus the hub gave this agent. */
    public HubBus bus() {
        return bus;
    }

    @Override
    public void onSessionEstablished(PeerInfo peer) {
        established.add(peer);
    }

    @Override
    public void onMessage(PeerInfo from, HiveMessage message) {
        received.add(new Received(from, message));
        messages.add(message);
        if (echo && from.role() != PeerInfo.Role.UPSTREAM) {
            bus.send(from.peerId(), message.toBuilder().sourcePeer(null).build());
        }
    }

    @Override
    public void onSharedBus(PeerInfo from, HiveMessage message) {
        shared.add(message);
    }

    @Override
    public void onSessionClosed(PeerInfo peer) {
        closed.add(peer);
    }

    /** Messages that reached the application (a live list: tests may remove what they have looked at). */
    public List<HiveMessage> received() {
        return messages;
    }

    /** Messages that reached the application, with their senders. */
    public List<Received> receivedFrom() {
        return List.copyOf(received);
    }

    /** SHARED_BUS messages handed to the monitor hook. */
    public List<HiveMessage> sharedBus() {
        return List.copyOf(shared);
    }

    public List<PeerInfo> established() {
        return established;
    }

    public List<PeerInfo> closedSessions() {
        return closed;
    }

    /** Waits (bounded) until a received message matches; the match, or an AssertionError. */
    public Received await(Predicate<Received> match) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < end) {
            for (Received r : received) {
                if (match.test(r)) {
                    return r;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no matching message reached the agent; received: " + received);
    }
}
