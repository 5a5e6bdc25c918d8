package dev.hivemind.registry.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.registry.ClientRecordBuilder;
import dev.hivemind.api.registry.ClientStoreException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rows of {@code clients} and {@code client_credentials} and their mapping to {@link ClientRecord}: SQL only, no
 * transaction control and no rules (those are {@link PostgresClientStore}'s). Lists are {@code text[]}, metadata
 * {@code json} (its text kept as written, key order included); each read is one statement, so a record and its
 * credentials come from one snapshot.
 */
final class ClientRows {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };
    private static final String SELECT = """
            SELECT c.client_id, c.api_key, c.name, c.description, c.is_admin, c.last_seen, c.intent_blacklist,
                   c.skill_blacklist, c.message_blacklist, c.allowed_types, c.can_broadcast, c.can_escalate,
                   c.can_propagate, c.metadata::text AS metadata,
                   ARRAY(SELECT method FROM client_credentials k WHERE k.client_id = c.client_id ORDER BY method) AS methods,
                   ARRAY(SELECT credential FROM client_credentials k WHERE k.client_id = c.client_id ORDER BY method)
                       AS credentials
            FROM clients c
            """;

    private final Connection c;

    ClientRows(Connection connection) {
        this.c = connection;
    }

    Connection connection() {
        return c;
    }

    /** The client with this id; {@code forUpdate} also locks its row until the transaction ends. */
    Optional<ClientRecord> byId(int clientId, boolean forUpdate) throws SQLException {
        List<ClientRecord> rows = query(SELECT + " WHERE c.client_id = ?" + (forUpdate ? " FOR UPDATE OF c" : ""),
                clientId);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    List<ClientRecord> all() throws SQLException {
        return query(SELECT + " ORDER BY c.client_id");
    }

    /** Active clients holding {@code apiKey}, lowest id first. */
    List<ClientRecord> activeByAccessKey(String apiKey) throws SQLException {
        return query(SELECT + " WHERE c.api_key = ? AND c.api_key <> 'revoked' ORDER BY c.client_id", apiKey);
    }

    int count() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM clients"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** One more than the highest id ever stored. */
    int nextId() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(client_id), 0)::bigint + 1 FROM clients");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            long next = rs.getLong(1);
            if (next > Integer.MAX_VALUE) {
                throw new ClientStoreException("no client id left to give (highest id in use: " + (next - 1) + ")");
            }
            return (int) next;
        }
    }

    void insert(ClientRecord r) throws SQLException {
        write("""
                INSERT INTO clients (api_key, name, description, is_admin, last_seen, intent_blacklist, skill_blacklist,
                    message_blacklist, allowed_types, can_broadcast, can_escalate, can_propagate, metadata, client_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS json), ?)""", r);
        writeCredentials(r);
    }

    /** Replaces every field and credential of the stored client with {@code r}'s; false if there is none. */
    boolean replace(ClientRecord r) throws SQLException {
        int rows = write("""
                UPDATE clients SET api_key = ?, name = ?, description = ?, is_admin = ?, last_seen = ?,
                    intent_blacklist = ?, skill_blacklist = ?, message_blacklist = ?, allowed_types = ?, can_broadcast = ?,
                    can_escalate = ?, can_propagate = ?, metadata = CAST(? AS json)
                WHERE client_id = ?""", r);
        if (rows == 1) {
            writeCredentials(r);
        }
        return rows == 1;
    }

    void deleteAll() throws SQLException {
        try (var s = c.createStatement()) {
            s.executeUpdate("DELETE FROM client_credentials");
            s.executeUpdate("DELETE FROM clients");
        }
    }

    /** Adds a credential unless the client holds one of that method; whether it was added. */
    boolean addCredential(int clientId, String method, String credential) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO client_credentials (client_id, method, credential)"
                + " VALUES (?, ?, ?) ON CONFLICT (client_id, method) DO NOTHING")) {
            ps.setInt(1, clientId);
            ps.setString(2, method);
            ps.setString(3, credential);
            return ps.executeUpdate() == 1;
        }
    }

    private int write(String sql, ClientRecord r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, r.apiKey());
            ps.setString(2, r.name());
            ps.setString(3, r.description());
            ps.setBoolean(4, r.admin());
            ps.setDouble(5, r.lastSeen());
            ps.setArray(6, textArray(r.intentBlacklist()));
            ps.setArray(7, textArray(r.skillBlacklist()));
            ps.setArray(8, textArray(r.messageBlacklist()));
            ps.setArray(9, textArray(r.allowedTypes()));
            ps.setBoolean(10, r.canBroadcast());
            ps.setBoolean(11, r.canEscalate());
            ps.setBoolean(12, r.canPropagate());
            ps.setString(13, json(r.metadata()));
            ps.setInt(14, r.clientId());
            return ps.executeUpdate();
        }
    }

    private void writeCredentials(ClientRecord r) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM client_credentials WHERE client_id = ?")) {
            delete.setInt(1, r.clientId());
            delete.executeUpdate();
        }
        if (r.credentials().isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO client_credentials (client_id, method, credential) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, String> e : r.credentials().entrySet()) {
                insert.setInt(1, r.clientId());
                insert.setString(2, e.getKey());
                insert.setString(3, e.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private List<ClientRecord> query(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<ClientRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(toRecord(rs));
                }
            }
            return out;
        }
    }

    private static ClientRecord toRecord(ResultSet rs) throws SQLException {
        int id = rs.getInt("client_id");
        ClientRecordBuilder b = ClientRecord.builder(rs.getString("api_key")).clientId(id)
                .name(rs.getString("name"))
                .description(rs.getString("description"))
                .admin(rs.getBoolean("is_admin"))
                .lastSeen(rs.getDouble("last_seen"))
                .intentBlacklist(strings(rs.getArray("intent_blacklist")))
                .skillBlacklist(strings(rs.getArray("skill_blacklist")))
                .messageBlacklist(strings(rs.getArray("message_blacklist")))
                .allowedTypes(strings(rs.getArray("allowed_types")))
                .canBroadcast(rs.getBoolean("can_broadcast"))
                .canEscalate(rs.getBoolean("can_escalate"))
                .canPropagate(rs.getBoolean("can_propagate"))
                .metadata(metadata(rs.getString("metadata"), id));
        List<String> methods = strings(rs.getArray("methods"));
        List<String> credentials = strings(rs.getArray("credentials"));
        for (int i = 0; i < methods.size(); i++) {
            b.credential(methods.get(i), credentials.get(i));
        }
        return b.build();
    }

    private Array textArray(List<String> values) throws SQLException {
        return c.createArrayOf("text", values.toArray());
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        try {
            return Arrays.asList((String[]) array.getArray());
        } finally {
            array.free();
        }
    }

    private static Map<String, Object> metadata(String json, int id) {
        try {
            return JSON.readValue(json, JSON_OBJECT);
        } catch (JsonProcessingException e) {
            throw new ClientStoreException("client " + id + ": metadata is not a JSON object");
        }
    }

    private static String json(Map<String, Object> metadata) {
        try {
            return JSON.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new ClientStoreException("cannot encode a client's metadata as JSON", e);
        }
    }
}
