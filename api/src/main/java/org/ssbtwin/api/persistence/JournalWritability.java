package org.ssbtwin.api.persistence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ssbtwin.config.TwinSettings;

/**
 * Whether the node can write its journal: the data directory (H2) can be written and the database accepts a write.
 * A database opened read-only (an H2 file opened read-only, a PostgreSQL standby or a read-only user) otherwise
 * looks healthy until the first event fails to persist. The write is a row in a table of its own
 * ({@value #CHECK_TABLE}), rolled back. Checked once at the start ({@link #requireWritable}: the start fails with
 * one line) and then every few seconds on a thread of its own for the readiness probe ({@link #writable}).
 */
public final class JournalWritability implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JournalWritability.class);
    static final String CHECK_TABLE = "twin_write_check";

    private final TwinSettings settings;
    private final ScheduledExecutorService timer;
    private volatile String problem;

    private JournalWritability(TwinSettings settings, Duration every) {
        this.settings = settings;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "journal-write-check");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::check, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Checks now and then every {@code every}; {@link #close} stops it. */
    public static JournalWritability monitor(TwinSettings settings, Duration every) {
        JournalWritability w = new JournalWritability(settings, every);
        w.problem = problem(settings);
        return w;
    }

    /** Fails with one line naming what cannot be written, or returns. */
    public static void requireWritable(TwinSettings settings) {
        String p = problem(settings);
        if (p != null) throw new StorageNotWritableException(p);
    }

    /** Whether the last check could write. */
    public boolean writable() {
        return problem == null;
    }

    /** Why the journal cannot be written, or null. */
    public String problem() {
        return problem;
    }

    private void check() {
        String now = problem(settings);
        if (now != null && problem == null) log.error("the node is not ready: {}", now);
        if (now == null && problem != null) log.info("the journal is writable again");
        problem = now;
    }

    /** Why the data directory or the database cannot be written, or null when both can. */
    static String problem(TwinSettings settings) {
        TwinSettings.Database db = settings.database();
        if (db.kind() == TwinSettings.DatabaseKind.H2) {
            Path dir = settings.dataDir().toAbsolutePath();
            try {
                Files.createDirectories(dir);
                Files.delete(Files.createTempFile(dir, ".write-check", ".tmp"));
            } catch (IOException | SecurityException e) {
                return "the data directory " + dir + " cannot be written (" + reason(e) + ")";
            }
        }
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            try {
                insertRolledBack(c);
            } catch (SQLException first) {
                // the first check of a database: create the table (no DDL in the steady state, and a concurrent start
                // that created it in between is fine), then write again; report what failed
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE TABLE IF NOT EXISTS " + CHECK_TABLE + " (checked_at BIGINT NOT NULL)");
                } catch (SQLException create) {
                    try {
                        insertRolledBack(c);
                        return null;
                    } catch (SQLException again) {
                        throw create;
                    }
                }
                insertRolledBack(c);
            }
            return null;
        } catch (SQLException e) {
            return "the journal database " + db.url().replaceFirst(";.*$", "") + " cannot be written (" + reason(e) + ")";
        }
    }

    /** Writes a row and rolls it back: fails on a read-only database, a standby or a user without the right. */
    private static void insertRolledBack(Connection c) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + CHECK_TABLE + " (checked_at) VALUES (?)")) {
            insert.setLong(1, System.currentTimeMillis());
            insert.executeUpdate();
        } finally {
            c.rollback();
            c.setAutoCommit(autoCommit);
        }
    }

    /** The first line of the message: SQL errors append the statement, file errors name the path. */
    private static String reason(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) m = f.getReason() + ": " + f.getFile();
        int eol = m.indexOf('\n');
        return (eol < 0 ? m : m.substring(0, eol)).replaceFirst(";\\s*SQL statement:\\s*$", "").strip();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
