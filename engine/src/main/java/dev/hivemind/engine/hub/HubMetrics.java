package dev.hivemind.engine.hub;

import dev.hivemind.api.agent.SessionInfo;
import dev.hivemind.api.error.CloseCode;
import dev.hivemind.engine.hub.router.RoutingEvents;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of what the hub saw: connections, handshakes, rejections, messages routed or refused. Each event is also
 * handed to the {@link HubObserver} the hub was given (a metrics module's). The router reports its messages here.
 */
public final class HubMetrics implements RoutingEvents {
    private volatile HubObserver observer = HubObserver.NONE;

    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong established = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong failedHandshakes = new AtomicLong();
    private final AtomicLong refusedMessages = new AtomicLong();
    private final AtomicLong messagesIn = new AtomicLong();
    private final AtomicLong messagesOut = new AtomicLong();
    private final AtomicLong kdfRefused = new AtomicLong();

    /** Hands every event to {@code o} from now on (one observer; {@link HubObserver#NONE} to stop). */
    void observe(HubObserver o) {
        observer = Objects.requireNonNull(o, "observer");
    }

    // ---------------------------------------------------------------- events

    void connectionOpened(String transport) {
        connections.incrementAndGet();
        observer.connectionOpened(transport);
    }

    /** @param reason one of {@link HubObserver#admissionRefused}'s reasons */
    void admissionRefused(String transport, String reason) {
        rejected.incrementAndGet();
        observer.admissionRefused(transport, reason);
    }

    void handshakeEstablished(SessionInfo info) {
        established.incrementAndGet();
        observer.handshakeEnded(info.authMethod(), "established", info.handshakeTime());
    }

    /** A session closed with {@code code} before its handshake completed. */
    void handshakeFailed(int code) {
        failedHandshakes.incrementAndGet();
        observer.handshakeEnded("unknown", handshakeOutcome(code), null);
    }

    void sessionClosed(String transport) {
        observer.sessionClosed(transport);
    }

    void keyDerivationRefused() {
        kdfRefused.incrementAndGet();
    }

    @Override
    public void accepted(String type) {
        messagesIn.incrementAndGet();
        observer.messageIn(type, false);
    }

    @Override
    public void refused(String type) {
        refusedMessages.incrementAndGet();
        observer.messageIn(type, true);
    }

    @Override
    public void delivered(String type) {
        messagesOut.incrementAndGet();
        observer.messageOut(type);
    }

    /** What a close before the session says about the handshake (for {@link HubObserver#handshakeEnded}). */
    private static String handshakeOutcome(int code) {
        CloseCode c = CloseCode.fromCode(code);
        if (c == null) {
            return "abandoned";
        }
        return switch (c) {
            case POLICY_VIOLATION -> "refused";
            case TRY_AGAIN_LATER -> "busy";
            case PROTOCOL_ERROR, INVALID_PAYLOAD, MESSAGE_TOO_BIG -> "protocol_error";
            case INTERNAL_ERROR -> "error";
            case NORMAL, GOING_AWAY -> "abandoned";
        };
    }

    // ---------------------------------------------------------------- counters

    public long connections() {
        return connections.get();
    }

    public long established() {
        return established.get();
    }

    /** Admissions refused (unknown key, malformed token, limits). */
    public long rejected() {
        return rejected.get();
    }

    /** Sessions that closed before completing their handshake. */
    public long failedHandshakes() {
        return failedHandshakes.get();
    }

    /** Messages dropped by the permission policy. */
    public long refusedMessages() {
        return refusedMessages.get();
    }

    /** Key derivations refused because their source's budget was spent. */
    public long kdfRefused() {
        return kdfRefused.get();
    }

    public long messagesIn() {
        return messagesIn.get();
    }

    public long messagesOut() {
        return messagesOut.get();
    }
}
