package dev.hivemind.registry.sqlite;

import java.sql.SQLException;

/** A piece of database work run inside a transaction. */
@FunctionalInterface
interface SqlWork<T> {
    T run() throws SQLException;
}
