package org.ssbtwin.api.readside;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.apache.pekko.japi.function.Function;
import org.apache.pekko.projection.jdbc.JdbcSession;

/**
 * One transaction of the fleet projection on a pooled connection of the twin's own database: the read-model rows
 * and the projection offset are written through the same connection and committed together.
 */
public final class FleetJdbcSession implements JdbcSession {
    private final Connection connection;

    public FleetJdbcSession(DataSource pool) {
        try {
            this.connection = pool.getConnection();
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw new IllegalStateException("no connection for the fleet projection: " + e.getMessage(), e);
        }
    }

    @Override
    public <R> R withConnection(Function<Connection, R> func) throws Exception {
        return func.apply(connection);
    }

    @Override
    public void commit() throws SQLException {
        connection.commit();
    }

    @Override
    public void rollback() throws SQLException {
        connection.rollback();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
