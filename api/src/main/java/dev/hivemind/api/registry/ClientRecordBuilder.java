package dev.hivemind.api.registry;

import dev.hivemind.api.wire.JsonValues;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a {@link ClientRecord} ({@link ClientRecord#builder(String)}, {@link ClientRecord#toBuilder()}); every setter
 * returns the builder. Not thread-safe.
 */
public final class ClientRecordBuilder {
    int clientId;
    String apiKey;
    String name = "";
    String description = "";
    boolean admin;
    double lastSeen = -1;
    List<String> intentBlacklist = List.of();
    List<String> skillBlacklist = List.of();
    List<String> messageBlacklist = List.of();
    List<String> allowedTypes = ClientRecord.DEFAULT_ALLOWED_TYPES;
    boolean canBroadcast = true;
    boolean canEscalate = true;
    boolean canPropagate = true;
    Map<String, Object> metadata = Map.of();
    final Map<String, String> credentials = new TreeMap<>();

    ClientRecordBuilder(String apiKey) {
        this.apiKey = apiKey;
    }

    ClientRecordBuilder(ClientRecord r) {
        clientId = r.clientId();
        apiKey = r.apiKey();
        name = r.name();
        description = r.description();
        admin = r.admin();
        lastSeen = r.lastSeen();
        intentBlacklist = r.intentBlacklist();
        skillBlacklist = r.skillBlacklist();
        messageBlacklist = r.messageBlacklist();
        allowedTypes = r.allowedTypes();
        canBroadcast = r.canBroadcast();
        canEscalate = r.canEscalate();
        canPropagate = r.canPropagate();
        metadata = r.metadata();
        credentials.putAll(r.credentials());
    }

    public ClientRecordBuilder clientId(int value) {
        clientId = value;
        return this;
    }

    public ClientRecordBuilder apiKey(String value) {
        apiKey = value;
        return this;
    }

    public ClientRecordBuilder name(String value) {
        name = value;
        return this;
    }

    public ClientRecordBuilder description(String value) {
        description = value;
        return this;
    }

    public ClientRecordBuilder admin(boolean value) {
        admin = value;
        return this;
    }

    public ClientRecordBuilder lastSeen(double value) {
        lastSeen = value;
        return this;
    }

    public ClientRecordBuilder intentBlacklist(List<String> value) {
        intentBlacklist = value == null ? List.of() : List.copyOf(value);
        return this;
    }

    public ClientRecordBuilder skillBlacklist(List<String> value) {
        skillBlacklist = value == null ? List.of() : List.copyOf(value);
        return this;
    }

    public ClientRecordBuilder messageBlacklist(List<String> value) {
        messageBlacklist = value == null ? List.of() : List.copyOf(value);
        return this;
    }

    /** The allowed message types; {@code null} means hivemind-core's defaults. */
    public ClientRecordBuilder allowedTypes(List<String> value) {
        allowedTypes = value == null ? null : List.copyOf(value);
        return this;
    }

    public ClientRecordBuilder canBroadcast(boolean value) {
        canBroadcast = value;
        return this;
    }

    public ClientRecordBuilder canEscalate(boolean value) {
        canEscalate = value;
        return this;
    }

    public ClientRecordBuilder canPropagate(boolean value) {
        canPropagate = value;
        return this;
    }

    public ClientRecordBuilder metadata(Map<String, ?> value) {
        metadata = value == null ? Map.of() : JsonValues.immutableObject(value);
        return this;
    }

    /**
     * Sets the credential of auth method {@code method}; {@code null} or empty removes it.
     *
     * @throws IllegalArgumentException if {@code method} is not a valid method name
     */
    public ClientRecordBuilder credential(String method, String value) {
        if (method == null || !ClientRecord.METHOD_NAME.matcher(method).matches()) {
            throw new IllegalArgumentException("'" + method + "' is not an auth method name");
        }
        if (value == null || value.isEmpty()) {
            credentials.remove(method);
        } else {
            credentials.put(method, value);
        }
        return this;
    }

    /** The {@value ClientRecord#PASSWORD} credential ({@code null} or empty: none). */
    public ClientRecordBuilder password(String value) {
        return credential(ClientRecord.PASSWORD, value);
    }

    /** The {@value ClientRecord#PSK} credential, hivemind-core's {@code crypto_key} ({@code null} or empty: none). */
    public ClientRecordBuilder cryptoKey(String value) {
        return credential(ClientRecord.PSK, value);
    }

    /** Removes every credential. */
    public ClientRecordBuilder clearCredentials() {
        credentials.clear();
        return this;
    }

    public ClientRecord build() {
        return new ClientRecord(this);
    }
}
