package org.ssbtwin.api.readside;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import javax.sql.DataSource;

/**
 * The one way the read side's queries touch the database: each read runs on the read side's own executor (JDBC never
 * blocks the HTTP layer) in a read-only, repeatable-read transaction that is rolled back at the end, so a count and the
 * page it belongs to come from one snapshot. Used by the fleet queries, the asset lists and the search.
 */
public final class ReadOnlyTransactions {
    /** A read inside the transaction. */
    public interface Read<T> {
        T apply(Connection c) throws SQLException;
    }

    private final DataSource pool;
    private final Executor executor;
    private final String what;

    /** @param what the queries' name in error messages, e.g. "fleet read side query" */
    public ReadOnlyTransactions(DataSource pool, Executor executor, String what) {
        this.pool = pool;
        this.executor = executor;
        this.what = what;
    }

    /**
     * A read that is a single statement: the statement sees one snapshot by itself, so it runs in autocommit without a
     * transaction around it (no isolation change, no rollback: one round trip to the database instead of four).
     */
    public <T> CompletionStage<T> readOneStatement(Read<T> body) {
        return CompletableFuture.supplyAsync(() -> {
            try (Connection c = pool.getConnection()) {
                if (!c.getAutoCommit()) c.setAutoCommit(true);
                return body.apply(c);
            } catch (SQLException e) {
                throw new IllegalStateException(what + " failed: " + e.getMessage(), e);
            }
        }, executor);
    }

    public <T> CompletionStage<T> read(Read<T> body) {
        return CompletableFuture.supplyAsync(() -> {
            try (Connection c = pool.getConnection()) {
                c.setReadOnly(true);
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                try {
                    return body.apply(c);
                } finally {
                    c.rollback();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(what + " failed: " + e.getMessage(), e);
            }
        }, executor);
    }
}
