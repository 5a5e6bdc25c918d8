package dev.hivemind.registry.sqlite;

import dev.hivemind.api.registry.ClientRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code client_credentials} rows: the credentials a client holds beyond hivemind-core's {@code password} and
 * {@code crypto_key} columns (an enrolled public key, a drop-in method's credential), one row per client and auth
 * method. A Python hub never reads this table, and its {@code INSERT OR REPLACE} of a {@code clients} row leaves it
 * alone. SQL only; transactions are the caller's.
 */
final class CredentialTable {
    private final Connection connection;

    CredentialTable(Connection connection) {
        this.connection = connection;
    }

    /** Whether a credential of {@code method} lives in Python's own columns rather than in this table. */
    static boolean inPythonColumns(String method) {
        return method.equals(ClientRecord.PASSWORD) || method.equals(ClientRecord.PSK);
    }

    /** The credentials of one client, by method. */
    Map<String, String> of(int clientId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT method, credential FROM client_credentials WHERE client_id = ?")) {
            ps.setInt(1, clientId);
            Map<String, String> out = new TreeMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        }
    }

    /** Every stored credential, by client id and method. */
    Map<Integer, Map<String, String>> all() throws SQLException {
        Map<Integer, Map<String, String>> out = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT client_id, method, credential FROM client_credentials");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getInt(1), id -> new TreeMap<>()).put(rs.getString(2), rs.getString(3));
            }
        }
        return out;
    }

    /** Replaces a client's rows with the record's credentials that Python has no column for. */
    void write(ClientRecord record) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM client_credentials WHERE client_id = ?")) {
            delete.setInt(1, record.clientId());
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO client_credentials (client_id, method, credential) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, String> e : record.credentials().entrySet()) {
                if (!inPythonColumns(e.getKey())) {
                    insert.setInt(1, record.clientId());
                    insert.setString(2, e.getKey());
                    insert.setString(3, e.getValue());
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }
}
