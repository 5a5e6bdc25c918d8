package dev.hivemind.registry.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs work in one SQLite write transaction ({@code BEGIN IMMEDIATE}: the write lock is taken first, so two
 * processes never deadlock upgrading a read lock), committed if the work returns and rolled back if it throws.
 * The connection stays in auto-commit mode outside these transactions, so no lock is held between them.
 */
final class WriteTransaction {
    private WriteTransaction() {
    }

    static <T> T run(Connection connection, SqlWork<T> work) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
        }
        boolean committed = false;
        try {
            T result = work.run();
            try (Statement statement = connection.createStatement()) {
                statement.execute("COMMIT");
            }
            committed = true;
            return result;
        } finally {
            if (!committed) {
                rollbackQuietly(connection);
            }
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // the transaction is already gone (SQLite rolls back by itself on some errors)
        }
    }
}
