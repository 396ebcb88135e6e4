package org.ssbtwin.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.ssbtwin.config.TwinSettings;

/**
 * The H2 file's size per journal event WHILE a bench writes (docs/h2-disk.md): every {@code every} it reads the size of
 * the data dir's files and the journal's highest ordering (its primary key: one index probe, not a count), prints a
 * line, and at the end the peak bytes per event once the journal holds {@code peakFrom} events (before, the empty
 * database's fixed few MB dominate). {@link H2DiskUse} splits the figure at the end.
 */
final class H2DiskSampler implements AutoCloseable {
    /** {@code commits}: H2 store versions so far (with WRITE_DELAY=0 a chunk each; -1 when unreadable). */
    record Sample(double seconds, long fileBytes, long events, long commits) {
        double perEvent() {
            return events > 0 ? fileBytes / (double) events : Double.NaN;
        }
    }

    private final TwinSettings.Database db;
    private final Path dataDir;
    private final PrintWriter out;
    private final long peakFrom;
    private final long t0 = System.nanoTime();
    private final List<Sample> samples = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-h2-disk-sampler");
        t.setDaemon(true);
        return t;
    });

    private H2DiskSampler(TwinSettings.Database db, Path dataDir, PrintWriter out, long peakFrom) {
        this.db = db;
        this.dataDir = dataDir;
        this.out = out;
        this.peakFrom = peakFrom;
    }

    /** Starts sampling an H2 database (null for PostgreSQL: nothing to sample). */
    static H2DiskSampler start(TwinSettings.Database db, Path dataDir, PrintWriter out, long everyMillis, long peakFrom) {
        if (db.kind() != TwinSettings.DatabaseKind.H2) return null;
        H2DiskSampler s = new H2DiskSampler(db, dataDir, out, peakFrom);
        s.timer.scheduleWithFixedDelay(s::sampleQuietly, everyMillis, everyMillis, TimeUnit.MILLISECONDS);
        return s;
    }

    private void sampleQuietly() {
        try {
            Sample s = sample();
            synchronized (this) {
                samples.add(s);
            }
            synchronized (out) {
                out.printf(Locale.ROOT, "h2 disk at %.0f s: %.1f MB for %d events = %.0f B per event; %d store commits%n", s.seconds(),
                        s.fileBytes() / 1e6, s.events(), s.perEvent(), s.commits());
                out.flush();
            }
        } catch (SQLException | RuntimeException e) {
            // the database closing at the end of the bench
        }
    }

    private Sample sample() throws SQLException {
        long events;
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select coalesce(max(\"ordering\"), 0) from \"event_journal\"")) {
            rs.next();
            events = rs.getLong(1);
            return new Sample((System.nanoTime() - t0) / 1e9, H2DiskUse.fileBytes(dataDir), events, commits(c));
        }
    }

    private static long commits(Connection c) throws SQLException {
        if (!c.isWrapperFor(org.h2.jdbc.JdbcConnection.class)) return -1;
        if (!(c.unwrap(org.h2.jdbc.JdbcConnection.class).getSession() instanceof org.h2.engine.SessionLocal session)) return -1;
        var store = session.getDatabase().getStore();
        return store == null ? -1 : store.getMvStore().getCurrentVersion();
    }

    /** The sample with the most bytes per event among those with at least {@code peakFrom} events, or null. */
    synchronized Sample peak() {
        Sample peak = null;
        for (Sample s : samples) {
            if (s.events() >= peakFrom && (peak == null || s.perEvent() > peak.perEvent())) peak = s;
        }
        return peak;
    }

    /** CPU seconds of the node's H2 compaction threads so far ({@code h2-file-compaction}; NaN when unreadable). */
    static double compactionCpuSeconds() {
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long nanos = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("h2-file-compaction")) {
                long n = mx.getThreadCpuTime(t.getId());
                if (n < 0) return Double.NaN;
                nanos += n;
            }
        }
        return nanos / 1e9;
    }

    /** One line: the peak while writing, and the compaction's CPU. */
    String formatPeak() {
        String cpu = String.format(Locale.ROOT, "h2 compaction thread CPU: %.1f s%n", compactionCpuSeconds());
        return formatPeakOnly() + cpu;
    }

    private String formatPeakOnly() {
        Sample p = peak();
        if (p == null) return String.format(Locale.ROOT, "h2 disk while writing: no sample with %d events or more%n", peakFrom);
        return String.format(Locale.ROOT, "h2 disk while writing: peak %.0f B per event (%.1f MB for %d events at %.0f s; samples from %d events on)%n",
                p.perEvent(), p.fileBytes() / 1e6, p.events(), p.seconds(), peakFrom);
    }

    /** Stops sampling; never interrupts a sample (an interrupt during H2's file I/O closes its file channel). */
    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
