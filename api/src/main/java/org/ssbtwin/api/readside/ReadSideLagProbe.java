package org.ssbtwin.api.readside;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the fleet projection's {@link ReadSideLag} every {@link #EVERY} on its own thread, from the projection's
 * offset table and the journal (never on an HTTP or actor thread); the latest measurement is what fleet answers and
 * {@code GET /api/v1/fleet/read-side} report.
 */
final class ReadSideLagProbe implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReadSideLagProbe.class);
    static final Duration EVERY = Duration.ofSeconds(2);
    /** A slice with events waiting whose offset has not moved for this long is stalled (assumed: 15x the group window). */
    static final Duration STALL_AFTER = Duration.ofSeconds(30);
    /** Events read past the oldest offset per measurement; more are not counted (the lag in seconds stays exact). */
    static final int EVENT_LIMIT = 20_000;

    private final DataSource pool;
    private final int instances;
    private final String projectionName;
    private final String kindTag;
    private final ScheduledExecutorService thread;
    private volatile ReadSideLag latest;
    private boolean upperCaseOffsetTable;

    ReadSideLagProbe(DataSource pool, int instances) {
        this(pool, instances, FleetProjection.NAME, org.ssbtwin.fleet.entity.PackEntity.TAG);
    }

    /** The lag of another projection by slices: its name and the tag of the kind of events it reads ({@code cell}). */
    ReadSideLagProbe(DataSource pool, int instances, String projectionName, String kindTag) {
        this.pool = pool;
        this.instances = instances;
        this.projectionName = projectionName;
        this.kindTag = kindTag;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "read-side-lag");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::measure, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The measurement asked by {@link #measureNow} and not yet taken, shared by every caller meanwhile. */
    private final java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<ReadSideLag>> asked =
            new java.util.concurrent.atomic.AtomicReference<>();

    /**
     * A measurement taken now on the probe's thread (it also becomes {@link #latest}); null when it could not be taken.
     * Callers while one is pending share it: requests asking for it (telemetry naming unknown packs) queue at most one.
     */
    java.util.concurrent.CompletableFuture<ReadSideLag> measureNow() {
        java.util.concurrent.CompletableFuture<ReadSideLag> mine = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture<ReadSideLag> pending = asked.compareAndExchange(null, mine);
        if (pending != null) return pending;
        try {
            thread.execute(() -> {
                asked.set(null); // asks from now on get a later measurement than this one
                measure();
                mine.complete(latest);
            });
        } catch (java.util.concurrent.RejectedExecutionException e) { // closed
            asked.set(null);
            mine.complete(null);
        }
        return mine;
    }

    /** The latest measurement, or null before the first. */
    ReadSideLag latest() {
        return latest;
    }

    private void measure() {
        try (Connection c = pool.getConnection()) {
            Map<Integer, Long> offsets = offsets(c);
            long min = Long.MAX_VALUE;
            for (int i = 0; i < instances; i++) min = Math.min(min, offsets.getOrDefault(i, 0L));
            List<ReadSideLag.JournalEvent> after = new ArrayList<>();
            // the kind's tagged events after the offset, from the index on event_tag (tag, event_id): a walk of the
            // journal after the offset filtered by persistence id read every later event of the other kinds, every 2 s
            // (all of a 10 M-event fleet history for the cells' probe when no cell event came since)
            try (PreparedStatement ps = c.prepareStatement("SELECT j.\"ordering\", j.\"persistence_id\", j.\"write_timestamp\" FROM "
                    + "(SELECT \"event_id\" FROM \"event_tag\" WHERE \"tag\" = ? AND \"event_id\" > ? ORDER BY \"tag\", \"event_id\" LIMIT "
                    + EVENT_LIMIT + ") t JOIN \"event_journal\" j ON j.\"ordering\" = t.\"event_id\" ORDER BY t.\"event_id\"")) {
                ps.setString(1, kindTag);
                ps.setLong(2, min);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) after.add(new ReadSideLag.JournalEvent(rs.getLong(1), FleetProjection.packId(rs.getString(2)), rs.getLong(3)));
                }
            }
            latest = ReadSideLag.of(instances, offsets, latest, after, System.currentTimeMillis(), STALL_AFTER.toMillis());
            if (latest.stalled()) log.warn("read side {} stalled: {}", projectionName, latest.slices());
        } catch (SQLException | RuntimeException e) {
            log.warn("read-side lag not measured: {}", e.toString());
        }
    }

    /** slice -> offset; pekko-projection-jdbc names its columns in upper case on H2, in lower case on PostgreSQL. */
    private Map<Integer, Long> offsets(Connection c) throws SQLException {
        try {
            return offsets(c, upperCaseOffsetTable);
        } catch (SQLException e) {
            upperCaseOffsetTable = !upperCaseOffsetTable;
            return offsets(c, upperCaseOffsetTable);
        }
    }

    private Map<Integer, Long> offsets(Connection c, boolean upper) throws SQLException {
        String table = upper ? "\"PEKKO_PROJECTION_OFFSET_STORE\"" : "\"pekko_projection_offset_store\"";
        String key = upper ? "\"PROJECTION_KEY\"" : "\"projection_key\"";
        String offset = upper ? "\"CURRENT_OFFSET\"" : "\"current_offset\"";
        String name = upper ? "\"PROJECTION_NAME\"" : "\"projection_name\"";
        Map<Integer, Long> offsets = new HashMap<>();
        String suffix = "-of-" + instances;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + key + ", " + offset + " FROM " + table + " WHERE " + name + " = ?")) {
            ps.setString(1, projectionName);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String k = rs.getString(1); // slice-<i>-of-<instances>
                    if (!k.startsWith("slice-") || !k.endsWith(suffix)) continue;
                    offsets.put(Integer.parseInt(k.substring(6, k.length() - suffix.length())), Long.parseLong(rs.getString(2).trim()));
                }
            }
        }
        return offsets;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
