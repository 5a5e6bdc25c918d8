package dev.hivemind.engine.session;

import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.MessageType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fills the OVOS context of a satellite's outgoing BUS message as a hub expects it (HIVEMIND-WIRE.md §11): a
 * hivemind-core hub reads the message's session from {@code context.session} and disconnects a non-admin client whose
 * message has none (it counts as the session {@code default}). Added when absent, never overwritten:
 * {@code session.session_id} (the id announced in HELLO), {@code session.site_id}, {@code source} and {@code platform}
 * (the user agent) and {@code destination} ({@code "HiveMind"}) — what hivemind_bus_client means to add but loses on a
 * copy. The same goes for the BUS message a BROADCAST, PROPAGATE or ESCALATE carries.
 */
public final class SatelliteBusContext {
    /** The destination hivemind_bus_client gives messages meant for the hub. */
    public static final String HUB_DESTINATION = "HiveMind";

    private final String sessionId;
    private final String siteId;
    private final String userAgent;

    /**
     * @param sessionId the session id announced in HELLO
     * @param siteId    the site id announced in HELLO (may be {@code null})
     * @param userAgent the user agent of the authorization token
     */
    public SatelliteBusContext(String sessionId, String siteId, String userAgent) {
        this.sessionId = sessionId;
        this.siteId = siteId;
        this.userAgent = userAgent;
    }

    /**
     * The message with its context completed: a BUS message, or the BUS inside a BROADCAST, PROPAGATE or ESCALATE (a
     * hub that handles it itself applies the same session rule). Other messages are returned as they are.
     */
    public HiveMessage complete(HiveMessage message) {
        if (message.type() == MessageType.BUS) {
            Map<String, Object> payload = completedBus(message.payload());
            return payload == message.payload() ? message : message.toBuilder().payload(payload).build();
        }
        if ((message.type() == MessageType.BROADCAST || message.type() == MessageType.PROPAGATE
                || message.type() == MessageType.ESCALATE) && MessageType.BUS.wireName().equals(
                message.payload().get("msg_type")) && message.payload().get("payload") instanceof Map<?, ?> inner) {
            Map<String, Object> wrapped = copy(message.payload());
            wrapped.put("payload", completedBus(copy(inner)));
            return message.toBuilder().payload(wrapped).build();
        }
        return message;
    }

    private Map<String, Object> completedBus(Map<String, Object> busPayload) {
        Object ctx = busPayload.get("context");
        Map<String, Object> context = ctx instanceof Map<?, ?> m ? copy(m) : new LinkedHashMap<>();
        if (ctx != null && !(ctx instanceof Map<?, ?>)) {
            return busPayload; // not an object: the caller's mistake, the hub reports it
        }
        context.putIfAbsent("source", userAgent);
        context.putIfAbsent("platform", userAgent);
        context.putIfAbsent("destination", HUB_DESTINATION);
        Object s = context.get("session");
        Map<String, Object> session = s instanceof Map<?, ?> m ? copy(m) : new LinkedHashMap<>();
        session.putIfAbsent("session_id", sessionId);
        session.putIfAbsent("site_id", siteId);
        context.put("session", session);
        Map<String, Object> payload = new LinkedHashMap<>(busPayload);
        payload.put("context", context);
        return payload;
    }

    private static Map<String, Object> copy(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
