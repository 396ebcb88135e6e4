package org.ssbtwin.api.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ssbtwin.config.H2FileSettings;
import org.ssbtwin.config.TwinSettings;

/**
 * Keeps the embedded H2 file compact while the node runs (docs/operations.md "Disk per event on H2").
 *
 * <p>With {@code WRITE_DELAY=0} H2 stores a new MVStore chunk at every commit (the page path of every index the
 * commit touched) and runs no background writer, which is what compacts the file with a write delay: nothing is ever
 * rewritten while the database is open, and the file grew by ~6 KB per journal event of which ~5.3 KB were chunks
 * with little live data left (bench ingest, H2). Every {@code interval} this rewrites the live pages of the oldest,
 * emptiest chunks ({@link MVStore#compact}, the housekeeping H2's background writer does) and commits; chunks left
 * without live data are freed after H2's retention time and their space is reused by later chunks. With a retention
 * time shorter than H2's own 45 s ({@code twin.database.h2.retention-time}) each run also forces the file to disk
 * ({@link MVStore#sync}).
 *
 * <p>It reaches the {@link MVStore} through H2's embedded session (H2 has no SQL statement for an online compaction,
 * only {@code SHUTDOWN COMPACT}); it runs on a thread of its own, never on an actor or HTTP dispatcher.
 */
public final class H2FileCompaction implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(H2FileCompaction.class);

    private static final int STEP_BYTES = 2 * 1024 * 1024;

    private final TwinSettings.Database db;
    private final H2FileSettings settings;
    private final ScheduledExecutorService timer;

    private H2FileCompaction(TwinSettings.Database db, H2FileSettings settings) {
        this.db = db;
        this.settings = settings;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "h2-file-compaction");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the periodic compaction, or returns null (PostgreSQL, or compaction off). */
    public static H2FileCompaction start(TwinSettings.Database db, H2FileSettings settings) {
        if (db.kind() != TwinSettings.DatabaseKind.H2 || !settings.compaction()) return null;
        H2FileCompaction c = new H2FileCompaction(db, settings);
        long every = settings.compactionInterval().toMillis();
        c.timer.scheduleWithFixedDelay(c::runQuietly, every, every, TimeUnit.MILLISECONDS);
        return c;
    }

    private void runQuietly() {
        try {
            compactOnce();
        } catch (RuntimeException | SQLException e) {
            // a closing database, a busy store: the next run tries again
            log.debug("H2 compaction skipped: {}", e.toString());
        }
    }

    /**
     * One compaction run: rewrites chunks until the chunks' fill rate reaches the target or {@code max-write-mb} of
     * live data were rewritten, then commits. Returns whether anything was rewritten.
     */
    public boolean compactOnce() throws SQLException {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            MVStore store = mvStore(c);
            if (store == null || store.isClosed()) return false;
            int before = store.getFillRate();
            long budget = settings.maxWriteMb() * 1024L * 1024L;
            // steps: each holds H2's store lock, which every commit (every journal write) also needs. Not smaller: a
            // step only takes chunks whose live data fits in it: with small steps the chunks of big commits (many
            // journal rows, 64 KB compressed pages) would never be rewritten
            int step = (int) Math.min(budget, STEP_BYTES);
            boolean any = false;
            for (long written = 0; written < budget && !timer.isShutdown() && store.compact(settings.targetFillRate(), step); written += step) {
                any = true;
                // each step's rewritten pages are stored before the next step chooses chunks: H2 counts a chunk's pages
                // as gone only once the version holding their new copies is stored, so without this commit the next
                // step picked the same chunks and rewrote nothing (bench ingest: one 2 MB step per run, whatever the
                // budget; the chunks older than the retention stayed ~60 % live)
                store.commit();
                Thread.yield();
            }
            if (any) log.debug("H2 file compacted: fill rate {} % -> {} %", before, store.getFillRate());
            // with a retention shorter than H2's 45 s: what the OS holds of the file goes to disk now, every run, instead
            // of after the OS's write-back delay (~30 s on Linux), which H2's 45 s assume (docs/h2-disk.md)
            if (settings.syncEveryRun()) store.sync();
            return any;
        }
    }

    /** The MVStore of an embedded H2 connection, or null (a server connection or another store). */
    static MVStore mvStore(Connection c) throws SQLException {
        if (!c.isWrapperFor(JdbcConnection.class)) return null;
        if (!(c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) return null;
        var store = session.getDatabase().getStore();
        return store == null ? null : store.getMvStore();
    }

    /**
     * Stops the runs; a run in progress finishes. Never interrupts it: an interrupt during file I/O closes H2's file
     * channel (a {@code ClosedByInterruptException}), which H2 treats as a failed store.
     */
    @Override
    public void close() {
        timer.shutdown();
        try {
            // a run in progress stops at its next step (it checks the shutdown) and must end before the database closes:
            // a run starting after the node's pools closed would open the database again
            if (!timer.awaitTermination(10, TimeUnit.SECONDS)) log.warn("H2 compaction run still in progress after 10 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
