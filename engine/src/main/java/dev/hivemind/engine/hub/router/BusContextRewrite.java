package dev.hivemind.engine.hub.router;

import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.wire.HiveMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What a hub does to a satellite's BUS message before the agent sees it (HUB-ROUTING.md B2, B4): the stored OVOS
 * session follows the satellite's, and the OVOS context is rewritten — {@code session} (the stored one, with the
 * client's skill and intent blacklists added), {@code destination}, {@code source} and {@code peer}. Unlike
 * hivemind-core, the blacklists are added to a copy (no leak into other sessions, quirk B-c), a session that omits
 * {@code site_id} keeps the one from HELLO (quirk B-b), and a destination cannot name another peer (quirk A-a).
 */
public final class BusContextRewrite {
    /** The keys of a serialised OVOS session that hivemind-core passes on; others are dropped. */
    public static final List<String> SESSION_KEYS = List.of("active_skills", "utterance_states", "session_id", "lang",
            "context", "site_id", "pipeline", "location", "system_unit", "time_format", "date_format", "is_speaking",
            "is_recording", "blacklisted_skills", "blacklisted_intents");

    /** What separates the parts of a peer id. */
    static final String PEER_ID_SEPARATOR = "::";

    private final String defaultLang;

    /** @param defaultLang the language of a session that names none ({@code en-us}) */
    public BusContextRewrite(String defaultLang) {
        this.defaultLang = defaultLang;
    }

    /** The stored session right after HELLO: its {@code session} object with the HELLO's site id written in (R2). */
    public static Map<String, Object> initialSession(Map<String, Object> hello, String sessionId, String siteId) {
        Map<String, Object> s = new LinkedHashMap<>();
        if (hello.get("session") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> s.put(String.valueOf(k), v));
        }
        s.put("session_id", sessionId);
        if (siteId != null) {
            s.put("site_id", siteId);
        }
        return s;
    }

    /**
     * B2: a message in the stored session's own id updates it (fields it omits keep their stored values); the session
     * {@code default} never does.
     */
    public Map<String, Object> updatedSession(Map<String, Object> stored, Map<String, Object> busPayload) {
        Object ctx = busPayload.get("context");
        if (!(ctx instanceof Map<?, ?> c) || !(c.get("session") instanceof Map<?, ?> session)
                || MessagePolicy.DEFAULT_SESSION.equals(session.get("session_id"))
                || !stored.get("session_id").equals(session.get("session_id"))) {
            return stored;
        }
        Map<String, Object> out = new LinkedHashMap<>(stored);
        session.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    /**
     * B4: the message with its context rewritten for the agent.
     *
     * @param bus       the satellite's BUS message
     * @param peerId    the sender's peer id
     * @param stored    the sender's stored session
     * @param client    the sender's record (skill and intent blacklists)
     * @param isPeer    whether a string is the peer id of a connected peer
     */
    public HiveMessage rewrite(HiveMessage bus, String peerId, Map<String, Object> stored, ClientRecord client,
            Predicate<String> isPeer) {
        Map<String, Object> payload = new LinkedHashMap<>(bus.payload());
        Map<String, Object> context = new LinkedHashMap<>();
        if (payload.get("context") instanceof Map<?, ?> c) {
            c.forEach((k, v) -> context.put(String.valueOf(k), v));
        }
        context.put("session", session(stored, context, payload.get("data"), client));
        String type = (String) payload.get("type");
        context.put("destination", "speak".equals(type) ? List.of("audio") : destination(context.get("destination"),
                isPeer));
        context.put("source", peerId);
        context.put("peer", peerId);
        payload.put("context", context);
        return bus.toBuilder().payload(payload).build();
    }

    /** The BUS message with one context key set. */
    public static HiveMessage withContext(HiveMessage bus, String key, Object value) {
        Map<String, Object> context = new LinkedHashMap<>();
        if (bus.payload().get("context") instanceof Map<?, ?> c) {
            c.forEach((k, v) -> context.put(String.valueOf(k), v));
        }
        context.put(key, value);
        Map<String, Object> payload = new LinkedHashMap<>(bus.payload());
        payload.put("context", context);
        return bus.toBuilder().payload(payload).build();
    }

    /** The BUS message without one context key. */
    public static HiveMessage withoutContext(HiveMessage bus, String key) {
        Map<String, Object> context = new LinkedHashMap<>();
        if (bus.payload().get("context") instanceof Map<?, ?> c) {
            c.forEach((k, v) -> context.put(String.valueOf(k), v));
        }
        context.remove(key);
        Map<String, Object> payload = new LinkedHashMap<>(bus.payload());
        payload.put("context", context);
        return bus.toBuilder().payload(payload).build();
    }

    private Map<String, Object> session(Map<String, Object> stored, Map<String, Object> context, Object data,
            ClientRecord client) {
        Map<String, Object> s = new LinkedHashMap<>();
        for (String key : SESSION_KEYS) {
            if (stored.containsKey(key)) {
                s.put(key, stored.get(key));
            }
        }
        if (!(s.get("lang") instanceof String)) {
            s.put("lang", context.get("lang") instanceof String l ? l
                    : data instanceof Map<?, ?> d && d.get("lang") instanceof String l2 ? l2 : defaultLang);
        }
        if (!(s.get("site_id") instanceof String)) {
            s.put("site_id", "unknown");
        }
        s.put("blacklisted_skills", merged(s.get("blacklisted_skills"), client.skillBlacklist()));
        s.put("blacklisted_intents", merged(s.get("blacklisted_intents"), client.intentBlacklist()));
        return s;
    }

    /**
     * B4.3: absent or null → "skills"; entries naming a connected peer, or in the form of a peer id
     * ({@code USERAGENT::ID::NAME::SESSION}: a peer that is offline now may be back when an answer is sent), are
     * removed (quirk A-a). OVOS destinations ({@code skills}, {@code audio}, ...) never contain {@code ::}.
     */
    private static Object destination(Object given, Predicate<String> isPeer) {
        Predicate<String> names = s -> s.contains(PEER_ID_SEPARATOR) || isPeer.test(s);
        if (given == null) {
            return "skills";
        }
        if (given instanceof String s) {
            return names.test(s) ? "skills" : s;
        }
        if (given instanceof List<?> list) {
            List<Object> kept = new ArrayList<>();
            for (Object o : list) {
                if (!(o instanceof String s && names.test(s))) {
                    kept.add(o);
                }
            }
            return kept.isEmpty() && !list.isEmpty() ? "skills" : kept;
        }
        return given;
    }

    private static List<Object> merged(Object existing, List<String> added) {
        List<Object> out = new ArrayList<>();
        if (existing instanceof List<?> l) {
            out.addAll(l);
        }
        for (String a : added) {
            if (!out.contains(a)) {
                out.add(a);
            }
        }
        return out;
    }
}
