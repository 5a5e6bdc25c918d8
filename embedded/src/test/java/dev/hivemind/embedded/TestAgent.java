package dev.hivemind.embedded;

import dev.hivemind.api.agent.HiveAgent;
import dev.hivemind.api.agent.HubBus;
import dev.hivemind.api.agent.PeerInfo;
import dev.hivemind.api.wire.HiveMessage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The hub's agent in these tests: records what arrives and echoes it back; {@link #holdOnFirstMessage()} makes it a
 * slow reader (the first message blocks the hub's event loop until {@link #release()}).
 */
final class TestAgent implements HiveAgent {
    private final List<HiveMessage> received = new CopyOnWriteArrayList<>();
    private final List<PeerInfo> established = new CopyOnWriteArrayList<>();
    private final AtomicReference<CountDownLatch> hold = new AtomicReference<>();
    private volatile boolean echo = true;
    private volatile HubBus bus;

    @Override
    public String name() {
        return "test";
    }

    @Override
    public void start(HubBus hubBus) {
        this.bus = hubBus;
    }

    TestAgent quiet() {
        echo = false;
        return this;
    }

    /** The next message blocks the hub's event loop (the hub stops reading) until {@link #release()}. */
    TestAgent holdOnFirstMessage() {
        hold.set(new CountDownLatch(1));
        return this;
    }

    void release() {
        CountDownLatch latch = hold.getAndSet(null);
        if (latch != null) {
            latch.countDown();
        }
    }

    List<HiveMessage> received() {
        return received;
    }

    List<PeerInfo> established() {
        return established;
    }

    @Override
    public void onSessionEstablished(PeerInfo peer) {
        established.add(peer);
    }

    @Override
    public void onMessage(PeerInfo peer, HiveMessage message) {
        received.add(message);
        CountDownLatch latch = hold.get();
        if (latch != null) {
            try {
                latch.await(60, TimeUnit.SECONDS); // a slow reader: nothing else is read meanwhile
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (echo) {
            bus.send(peer.peerId(), message.toBuilder().sourcePeer(null).build());
        }
    }
}
