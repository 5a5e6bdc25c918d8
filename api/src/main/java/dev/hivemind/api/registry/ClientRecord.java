package dev.hivemind.api.registry;

import dev.hivemind.api.wire.JsonValues;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A client (satellite) as the hub knows it: the fields of hivemind-core's client record, plus one credential per
 * auth method. Immutable; build one with {@link #builder(String)} and change one with {@link #toBuilder()}, so adding
 * a field never breaks a caller.
 *
 * <p><b>Credentials</b> are keyed by auth method name ({@link #credential(String)}): {@value #PASSWORD} holds the
 * password (in clear, as hivemind-core keeps it: it feeds PBKDF2), {@value #PSK} the pre-shared {@code crypto_key}
 * (a string whose UTF-8 bytes are the AES key), {@value #RSA} the enrolled public key (SubjectPublicKeyInfo PEM), and
 * a drop-in method its own credential under its own name, in whatever text form it defines. The hub lets a method
 * authenticate a client only when the client holds that method's credential.
 */
public final class ClientRecord {
    /** The access key stored for deleted clients (ids are never reused). */
    public static final String REVOKED = "revoked";

    /** The message type every client may always send. */
    public static final String UTTERANCE = "recognizer_loop:utterance";

    /** Credential of the {@code password} method: the password. */
    public static final String PASSWORD = "password";
    /** Credential of the {@code psk} method: the pre-shared {@code crypto_key}. */
    public static final String PSK = "psk";
    /** Credential of the {@code rsa} method: the client's enrolled public key (PEM). */
    public static final String RSA = "rsa";

    /** hivemind-core's default {@code allowed_types}. */
    public static final List<String> DEFAULT_ALLOWED_TYPES = List.of(
            "recognizer_loop:utterance",
            "recognizer_loop:record_begin",
            "recognizer_loop:record_end",
            "recognizer_loop:audio_output_start",
            "recognizer_loop:audio_output_end",
            "recognizer_loop:b64_transcribe",
            "speak:b64_audio",
            "ovos.common_play.SEI.get.response");

    static final Pattern METHOD_NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    private final int clientId;
    private final String apiKey;
    private final String name;
    private final String description;
    private final boolean admin;
    private final double lastSeen;
    private final List<String> intentBlacklist;
    private final List<String> skillBlacklist;
    private final List<String> messageBlacklist;
    private final List<String> allowedTypes;
    private final boolean canBroadcast;
    private final boolean canEscalate;
    private final boolean canPropagate;
    private final Map<String, Object> metadata;
    private final Map<String, String> credentials;

    ClientRecord(ClientRecordBuilder b) {
        clientId = b.clientId;
        apiKey = Objects.requireNonNull(b.apiKey, "apiKey");
        name = b.name == null ? "" : b.name;
        description = b.description == null ? "" : b.description;
        admin = b.admin;
        lastSeen = b.lastSeen;
        intentBlacklist = List.copyOf(b.intentBlacklist);
        skillBlacklist = List.copyOf(b.skillBlacklist);
        messageBlacklist = List.copyOf(b.messageBlacklist);
        List<String> allowed = new ArrayList<>(b.allowedTypes == null ? DEFAULT_ALLOWED_TYPES : b.allowedTypes);
        if (!allowed.contains(UTTERANCE)) {
            allowed.add(UTTERANCE);
        }
        allowedTypes = List.copyOf(allowed);
        canBroadcast = b.canBroadcast;
        canEscalate = b.canEscalate;
        canPropagate = b.canPropagate;
        metadata = JsonValues.immutableObject(b.metadata);
        credentials = Collections.unmodifiableMap(new TreeMap<>(b.credentials));
    }

    /** A builder for a new, non-admin client holding {@code apiKey}, with hivemind-core's defaults and no credential. */
    public static ClientRecordBuilder builder(String apiKey) {
        return new ClientRecordBuilder(apiKey);
    }

    /** A builder holding every field of this record. */
    public ClientRecordBuilder toBuilder() {
        return new ClientRecordBuilder(this);
    }

    /** Stable numeric id, never reused. */
    public int clientId() {
        return clientId;
    }

    /** The access key; {@value #REVOKED} for a deleted client. */
    public String apiKey() {
        return apiKey;
    }

    /** Display name. */
    public String name() {
        return name;
    }

    /** Free text. */
    public String description() {
        return description;
    }

    /** May send BROADCAST upstream and use the session id "default". */
    public boolean admin() {
        return admin;
    }

    /** Seconds since the epoch of the last established session, or -1. */
    public double lastSeen() {
        return lastSeen;
    }

    /** {@code skill_id:intent_name} entries. */
    public List<String> intentBlacklist() {
        return intentBlacklist;
    }

    /** Skill ids. */
    public List<String> skillBlacklist() {
        return skillBlacklist;
    }

    /** OVOS message types never sent to this client. */
    public List<String> messageBlacklist() {
        return messageBlacklist;
    }

    /** OVOS message types this client may inject; always contains {@value #UTTERANCE}. */
    public List<String> allowedTypes() {
        return allowedTypes;
    }

    /** May send BROADCAST. */
    public boolean canBroadcast() {
        return canBroadcast;
    }

    /** May send ESCALATE. */
    public boolean canEscalate() {
        return canEscalate;
    }

    /** May send PROPAGATE. */
    public boolean canPropagate() {
        return canPropagate;
    }

    /** Free-form extra data (JSON values). */
    public Map<String, Object> metadata() {
        return metadata;
    }

    /** The credential of the auth method {@code method}, if the client holds one. */
    public Optional<String> credential(String method) {
        return Optional.ofNullable(credentials.get(method));
    }

    /** Every credential the client holds, by auth method name (sorted). */
    public Map<String, String> credentials() {
        return credentials;
    }

    /** hivemind-core's {@code password} field: the {@value #PASSWORD} credential, or {@code null}. */
    public String password() {
        return credentials.get(PASSWORD);
    }

    /** hivemind-core's {@code crypto_key} field: the {@value #PSK} credential, or {@code null}. */
    public String cryptoKey() {
        return credentials.get(PSK);
    }

    /** Whether this record was deleted. */
    public boolean revoked() {
        return REVOKED.equals(apiKey);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClientRecord r && clientId == r.clientId && admin == r.admin
                && Double.compare(lastSeen, r.lastSeen) == 0 && canBroadcast == r.canBroadcast
                && canEscalate == r.canEscalate && canPropagate == r.canPropagate && apiKey.equals(r.apiKey)
                && name.equals(r.name) && description.equals(r.description)
                && intentBlacklist.equals(r.intentBlacklist) && skillBlacklist.equals(r.skillBlacklist)
                && messageBlacklist.equals(r.messageBlacklist) && allowedTypes.equals(r.allowedTypes)
                && metadata.equals(r.metadata) && credentials.equals(r.credentials);
    }

    @Override
    public int hashCode() {
        return Objects.hash(clientId, apiKey, name, admin, credentials.keySet());
    }

    /** Never prints secrets: credentials by name only. */
    @Override
    public String toString() {
        return "ClientRecord[id=" + clientId + ", name=" + name + ", admin=" + admin + ", credentials="
                + credentials.keySet() + (revoked() ? ", revoked" : "") + "]";
    }
}
