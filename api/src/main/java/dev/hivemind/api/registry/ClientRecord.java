package dev.hivemind.api.registry;

import dev.hivemind.api.wire.JsonValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A client (satellite) as the hub knows it, with the fields of hivemind-core's client record.
 * Secrets are kept as the Python hub keeps them: the password in clear (it feeds PBKDF2) and the
 * pre-shared {@code crypto_key} as a string whose UTF-8 bytes are the AES key.
 *
 * @param clientId         stable numeric id, never reused
 * @param apiKey           the access key; {@value #REVOKED} for a deleted client
 * @param name             display name
 * @param description      free text
 * @param admin            may send BROADCAST upstream and use the session id "default"
 * @param lastSeen         seconds since the epoch, or -1
 * @param intentBlacklist  {@code skill_id:intent_name} entries
 * @param skillBlacklist   skill ids
 * @param messageBlacklist OVOS message types never sent to this client
 * @param allowedTypes     OVOS message types this client may inject; always contains {@code recognizer_loop:utterance}
 * @param cryptoKey        pre-shared key (16, 24 or 32 characters), or {@code null}
 * @param password         password for the password handshake, or {@code null}
 * @param canBroadcast     may send BROADCAST
 * @param canEscalate      may send ESCALATE
 * @param canPropagate     may send PROPAGATE
 * @param rsaPublicKey     optional pinned RSA public key (PEM) the client must present in an RSA handshake
 * @param metadata         free-form extra data
 */
public record ClientRecord(int clientId, String apiKey, String name, String description, boolean admin,
        double lastSeen, List<String> intentBlacklist, List<String> skillBlacklist, List<String> messageBlacklist,
        List<String> allowedTypes, String cryptoKey, String password, boolean canBroadcast, boolean canEscalate,
        boolean canPropagate, String rsaPublicKey, Map<String, Object> metadata) {

    /** The access key stored for deleted clients (ids are never reused). */
    public static final String REVOKED = "revoked";

    /** The message type every client may always send. */
    public static final String UTTERANCE = "recognizer_loop:utterance";

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

    public ClientRecord {
        name = name == null ? "" : name;
        description = description == null ? "" : description;
        intentBlacklist = List.copyOf(intentBlacklist == null ? List.of() : intentBlacklist);
        skillBlacklist = List.copyOf(skillBlacklist == null ? List.of() : skillBlacklist);
        messageBlacklist = List.copyOf(messageBlacklist == null ? List.of() : messageBlacklist);
        List<String> allowed = new ArrayList<>(allowedTypes == null ? DEFAULT_ALLOWED_TYPES : allowedTypes);
        if (!allowed.contains(UTTERANCE)) {
            allowed.add(UTTERANCE);
        }
        allowedTypes = List.copyOf(allowed);
        cryptoKey = cryptoKey == null || cryptoKey.isEmpty() ? null : cryptoKey;
        password = password == null || password.isEmpty() ? null : password;
        rsaPublicKey = rsaPublicKey == null || rsaPublicKey.isEmpty() ? null : rsaPublicKey;
        metadata = metadata == null ? Map.of() : JsonValues.immutableObject(metadata);
    }

    /** A new, non-admin client with hivemind-core's defaults. */
    public static ClientRecord create(int clientId, String apiKey, String name, String password, String cryptoKey) {
        return new ClientRecord(clientId, apiKey, name, "", false, -1, List.of(), List.of(), List.of(),
                DEFAULT_ALLOWED_TYPES, cryptoKey, password, true, true, true, null, Map.of());
    }

    /** Whether this record was deleted. */
    public boolean revoked() {
        return REVOKED.equals(apiKey);
    }

    public Optional<String> optionalPassword() {
        return Optional.ofNullable(password);
    }

    public Optional<String> optionalCryptoKey() {
        return Optional.ofNullable(cryptoKey);
    }

    public Optional<String> optionalRsaPublicKey() {
        return Optional.ofNullable(rsaPublicKey);
    }

    /** Never prints secrets. */
    @Override
    public String toString() {
        return "ClientRecord[id=" + clientId + ", name=" + name + ", admin=" + admin
                + ", password=" + (password == null ? "no" : "yes") + ", crypto_key=" + (cryptoKey == null ? "no" : "yes")
                + (revoked() ? ", revoked" : "") + "]";
    }
}
