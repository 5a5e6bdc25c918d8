package dev.hivemind.dist.db;

import java.sql.SQLException;

/** A piece of database work run inside a transaction. */
@FunctionalInterface
interface SqlWork<T> {
    T run() throws SQLException;
}
