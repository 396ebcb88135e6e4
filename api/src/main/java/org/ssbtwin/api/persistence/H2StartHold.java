package org.ssbtwin.api.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.ssbtwin.config.TwinSettings;

/**
 * One connection to the embedded H2 database held open while a node starts. H2 closes an embedded database when its
 * last connection closes (a close compacts, an open reads the chunk layout of the whole file), and the start's steps
 * (writability check, journal DDL, read-side migration, pools) each open and close their own: without a hold, the
 * database was opened and closed three times per start, in time growing with the file (issue 17). Nothing for
 * PostgreSQL; a database that cannot be opened is left to the writability check to report.
 */
public final class H2StartHold implements AutoCloseable {
    private final Connection connection;

    private H2StartHold(Connection connection) {
        this.connection = connection;
    }

    public static H2StartHold open(TwinSettings settings) {
        TwinSettings.Database db = settings.database();
        if (db.kind() != TwinSettings.DatabaseKind.H2) return new H2StartHold(null);
        try {
            java.nio.file.Files.createDirectories(settings.dataDir());
            return new H2StartHold(DriverManager.getConnection(db.url(), db.user(), db.password()));
        } catch (SQLException | java.io.IOException | RuntimeException e) {
            return new H2StartHold(null); // JournalWritability names the problem
        }
    }

    /** Whether a connection is held (H2 and it could be opened). */
    public boolean holding() {
        return connection != null;
    }

    @Override
    public void close() {
        if (connection == null) return;
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the node's pools hold the database from here; a failed close of an idle connection changes nothing
        }
    }
}
