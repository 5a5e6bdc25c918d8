package dev.hivemind.dist.db;

import dev.hivemind.api.registry.ClientRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A mutable copy of a {@link ClientRecord}, for changing a few fields and building a new record. */
public final class ClientRecordBuilder {
    private int clientId;
    private String apiKey;
    private String name;
    private String description;
    private boolean admin;
    private double lastSeen;
    private List<String> intentBlacklist;
    private List<String> skillBlacklist;
    private List<String> messageBlacklist;
    private List<String> allowedTypes;
    private String cryptoKey;
    private String password;
    private boolean canBroadcast;
    private boolean canEscalate;
    private boolean canPropagate;
    private String rsaPublicKey;
    private Map<String, Object> metadata;

    private ClientRecordBuilder(ClientRecord r) {
        clientId = r.clientId();
        apiKey = r.apiKey();
        name = r.name();
        description = r.description();
        admin = r.admin();
        lastSeen = r.lastSeen();
        intentBlacklist = new ArrayList<>(r.intentBlacklist());
        skillBlacklist = new ArrayList<>(r.skillBlacklist());
        messageBlacklist = new ArrayList<>(r.messageBlacklist());
        allowedTypes = new ArrayList<>(r.allowedTypes());
        cryptoKey = r.cryptoKey();
        password = r.password();
        canBroadcast = r.canBroadcast();
        canEscalate = r.canEscalate();
        canPropagate = r.canPropagate();
        rsaPublicKey = r.rsaPublicKey();
        metadata = new LinkedHashMap<>(r.metadata());
    }

    /** A builder holding a copy of every field of {@code record}. */
    public static ClientRecordBuilder from(ClientRecord record) {
        return new ClientRecordBuilder(record);
    }

    /** A builder for a new client with hivemind-core's defaults (see {@link ClientRecord#create}). */
    public static ClientRecordBuilder newClient(String apiKey) {
        return new ClientRecordBuilder(ClientRecord.create(0, apiKey, "", null, null));
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
        intentBlacklist = new ArrayList<>(value);
        return this;
    }

    public ClientRecordBuilder skillBlacklist(List<String> value) {
        skillBlacklist = new ArrayList<>(value);
        return this;
    }

    public ClientRecordBuilder messageBlacklist(List<String> value) {
        messageBlacklist = new ArrayList<>(value);
        return this;
    }

    public ClientRecordBuilder allowedTypes(List<String> value) {
        allowedTypes = new ArrayList<>(value);
        return this;
    }

    public ClientRecordBuilder cryptoKey(String value) {
        cryptoKey = value;
        return this;
    }

    public ClientRecordBuilder password(String value) {
        password = value;
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

    public ClientRecordBuilder rsaPublicKey(String value) {
        rsaPublicKey = value;
        return this;
    }

    public ClientRecordBuilder metadata(Map<String, Object> value) {
        metadata = new LinkedHashMap<>(value);
        return this;
    }

    public ClientRecord build() {
        return new ClientRecord(clientId, apiKey, name, description, admin, lastSeen, intentBlacklist,
                skillBlacklist, messageBlacklist, allowedTypes, cryptoKey, password, canBroadcast, canEscalate,
                canPropagate, rsaPublicKey, metadata);
    }
}
