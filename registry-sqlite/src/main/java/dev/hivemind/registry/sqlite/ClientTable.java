package dev.hivemind.registry.sqlite;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.registry.ClientStoreException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rows of the client database and their mapping to {@link ClientRecord}: SQL only, no transaction
 * control and no rules (those are {@link SqliteClientStore}'s). Values are stored as hivemind-sqlite-database
 * stores them: booleans as 0/1, lists and metadata as JSON text, absent secrets as NULL; credentials Python has no
 * column for are in {@link CredentialTable}.
 */
final class ClientTable {
    /** Reads the list columns (every row has them) without the data-binding layer a short command need not start. */
    private static final JsonFactory JSON_TOKENS = new JsonFactory();
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    /** Jackson's data binding, started on first use: writing a row, or reading metadata that is not {@code {}}. */
    private static final class DataBinding {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private static final String SELECT = """
            SELECT c.client_id, c.api_key, c.name, c.description, c.is_admin, c.last_seen, c.intent_blacklist,
                   c.skill_blacklist, c.message_blacklist, c.allowed_types, c.crypto_key, c.password,
                   c.can_broadcast, c.can_escalate, c.can_propagate, c.metadata
            FROM clients c
            """;

    private final Connection connection;
    private final CredentialTable credentials;

    ClientTable(Connection connection) {
        this.connection = connection;
        this.credentials = new CredentialTable(connection);
    }

    Optional<ClientRecord> byId(int clientId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(SELECT + " WHERE c.client_id = ?")) {
            ps.setInt(1, clientId);
            List<ClientRecord> rows = read(ps, Map.of(clientId, credentials.of(clientId)));
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
        }
    }

    List<ClientRecord> all() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(SELECT + " ORDER BY c.client_id")) {
            return read(ps, credentials.all());
        }
    }

    /** Clients that are not revoked and hold {@code apiKey}, lowest id first (the one Python would pick). */
    List<ClientRecord> activeByAccessKey(String apiKey) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                SELECT + " WHERE c.api_key = ? AND c.api_key <> ? ORDER BY c.client_id")) {
            ps.setString(1, apiKey);
            ps.setString(2, ClientRecord.REVOKED);
            List<ClientRecord> rows = read(ps, Map.of());
            List<ClientRecord> out = new ArrayList<>(rows.size());
            for (ClientRecord r : rows) {
                out.add(withStoredCredentials(r, credentials.of(r.clientId())));
            }
            return out;
        }
    }

    /** The next unused id: one more than the highest ever stored (revoked rows keep theirs). */
    int nextId() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT COALESCE(MAX(client_id), 0) + 1 FROM clients");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            long next = rs.getLong(1);
            if (next > Integer.MAX_VALUE || next < 1) {
                throw new ClientStoreException("no client id left to give (highest id in use: " + (next - 1) + ")");
            }
            return (int) next;
        }
    }

    /** Number of rows, revoked ones included (hivemind-core's {@code total_clients}). */
    int count() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT COUNT(*) FROM clients");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    void insert(ClientRecord r) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                INSERT INTO clients (api_key, name, description, is_admin, last_seen, intent_blacklist,
                    skill_blacklist, message_blacklist, allowed_types, crypto_key, password, can_broadcast,
                    can_escalate, can_propagate, metadata, client_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            bind(ps, r);
            ps.executeUpdate();
        }
        credentials.write(r);
    }

    void update(ClientRecord r) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                UPDATE clients SET api_key = ?, name = ?, description = ?, is_admin = ?, last_seen = ?,
                    intent_blacklist = ?, skill_blacklist = ?, message_blacklist = ?, allowed_types = ?,
                    crypto_key = ?, password = ?, can_broadcast = ?, can_escalate = ?, can_propagate = ?,
                    metadata = ?
                WHERE client_id = ?""")) {
            bind(ps, r);
            if (ps.executeUpdate() != 1) {
                throw new ClientStoreException("no client with id " + r.clientId());
            }
        }
        credentials.write(r);
    }

    /** Deletes every client and credential. */
    void deleteAll() throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM client_credentials");
            statement.executeUpdate("DELETE FROM clients");
        }
    }

    /** Sets {@code last_seen} of a client that is not revoked; returns whether a row changed. */
    boolean touch(int clientId, double epochSeconds) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE clients SET last_seen = ? WHERE client_id = ? AND api_key <> ?")) {
            ps.setDouble(1, epochSeconds);
            ps.setInt(2, clientId);
            ps.setString(3, ClientRecord.REVOKED);
            return ps.executeUpdate() == 1;
        }
    }

    private static void bind(PreparedStatement ps, ClientRecord r) throws SQLException {
        ps.setString(1, r.apiKey());
        ps.setString(2, r.name());
        ps.setString(3, r.description());
        ps.setInt(4, r.admin() ? 1 : 0);
        ps.setDouble(5, r.lastSeen());
        ps.setString(6, toJson(r.intentBlacklist()));
        ps.setString(7, toJson(r.skillBlacklist()));
        ps.setString(8, toJson(r.messageBlacklist()));
        ps.setString(9, toJson(r.allowedTypes()));
        setNullable(ps, 10, r.cryptoKey());
        setNullable(ps, 11, r.password());
        ps.setInt(12, r.canBroadcast() ? 1 : 0);
        ps.setInt(13, r.canEscalate() ? 1 : 0);
        ps.setInt(14, r.canPropagate() ? 1 : 0);
        ps.setString(15, toJson(r.metadata()));
        ps.setInt(16, r.clientId());
    }

    private static void setNullable(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    private static List<ClientRecord> read(PreparedStatement ps, Map<Integer, Map<String, String>> stored)
            throws SQLException {
        List<ClientRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ClientRecord r = toRecord(rs);
                out.add(withStoredCredentials(r, stored.getOrDefault(r.clientId(), Map.of())));
            }
        }
        return out;
    }

    /** {@code r} with the credentials of {@link CredentialTable} (never overriding Python's two columns). */
    private static ClientRecord withStoredCredentials(ClientRecord r, Map<String, String> stored) {
        if (stored.isEmpty()) {
            return r;
        }
        var b = r.toBuilder();
        stored.forEach((method, credential) -> {
            if (!CredentialTable.inPythonColumns(method)) {
                b.credential(method, credential);
            }
        });
        return b.build();
    }

    private static ClientRecord toRecord(ResultSet rs) throws SQLException {
        int id = rs.getInt("client_id");
        Object lastSeen = rs.getObject("last_seen");
        List<String> allowed = stringList(rs.getString("allowed_types"), "allowed_types", id);
        return ClientRecord.builder(rs.getString("api_key")).clientId(id)
                .name(rs.getString("name"))
                .description(rs.getString("description"))
                .admin(bool(rs.getObject("is_admin"), false, "is_admin", id))
                .lastSeen(lastSeen instanceof Number n ? n.doubleValue() : -1)
                .intentBlacklist(stringList(rs.getString("intent_blacklist"), "intent_blacklist", id))
                .skillBlacklist(stringList(rs.getString("skill_blacklist"), "skill_blacklist", id))
                .messageBlacklist(stringList(rs.getString("message_blacklist"), "message_blacklist", id))
                // hivemind-core gives an empty or missing list its defaults
                .allowedTypes(allowed.isEmpty() ? null : allowed)
                .cryptoKey(rs.getString("crypto_key"))
                .password(rs.getString("password"))
                .canBroadcast(bool(rs.getObject("can_broadcast"), true, "can_broadcast", id))
                .canEscalate(bool(rs.getObject("can_escalate"), true, "can_escalate", id))
                .canPropagate(bool(rs.getObject("can_propagate"), true, "can_propagate", id))
                .metadata(metadata(rs.getString("metadata")))
                .build();
    }

    private static boolean bool(Object value, boolean absent, String column, int id) {
        if (value == null) {
            return absent;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        String text = value.toString().trim();
        if (text.equalsIgnoreCase("true") || text.equals("1")) {
            return true;
        }
        if (text.equalsIgnoreCase("false") || text.equals("0")) {
            return false;
        }
        throw new ClientStoreException("client " + id + ": column " + column + " is not a boolean");
    }

    private static List<String> stringList(String json, String column, int id) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        // as ObjectMapper.readTree read it: a JSON array of strings, whatever follows it
        try (JsonParser parser = JSON_TOKENS.createParser(json)) {
            if (parser.nextToken() == JsonToken.START_ARRAY) {
                List<String> out = new ArrayList<>();
                JsonToken token;
                while ((token = parser.nextToken()) == JsonToken.VALUE_STRING) {
                    out.add(parser.getText());
                }
                if (token == JsonToken.END_ARRAY) {
                    return out;
                }
            }
        } catch (IOException e) {
            // reported below
        }
        throw new ClientStoreException("client " + id + ": column " + column + " is not a JSON list of strings");
    }

    /** Lenient like hivemind-sqlite-database: anything but a JSON object reads as empty metadata. */
    private static Map<String, Object> metadata(String json) {
        if (json == null || json.isBlank() || json.strip().equals("{}")) {
            return Map.of();
        }
        try {
            JsonNode node = DataBinding.MAPPER.readTree(json);
            return node != null && node.isObject() ? DataBinding.MAPPER.convertValue(node, JSON_OBJECT) : Map.of();
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Map.of();
        }
    }

    static String toJson(Object value) {
        try {
            return DataBinding.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new ClientStoreException("cannot encode a client field as JSON", e);
        }
    }
}
