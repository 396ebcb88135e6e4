package org.ssbtwin.api.readside;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ssbtwin.core.TagSlice;

/**
 * Gives every asset event in the journal its slice tag for the current number of slices, before the projections
 * read the slice tags. Events written by this build carry it already ({@code tagsFor}); events written before slice
 * tags existed carry only their kind's tag ({@code pack}), and events written under another slice count carry the
 * tag of their old slice. Both get the tag of their slice now added as one more row of the tag table: the event
 * itself is never touched, and the kind's tag stays for the readers of the whole kind (change feed, history).
 *
 * <p>Done once per slice count: {@code rs_slice_tag_backfill} remembers, per tag prefix, the slice count and the
 * journal ordering up to which every event has its tag; a later start with the same count scans nothing (new events
 * are tagged by the entities) and only moves that mark to the journal's end. Changing the count scans the kind's events
 * once more. Idempotent and safe on
 * several nodes at once (an existing tag row is left alone). Reads ids only (no event is decoded).
 *
 * <p>Assumes every node writing the journal runs this build with the same slice count (a rolling upgrade from a
 * build without slice tags would leave the old nodes' new events without one: stop the old cluster first).
 */
public final class SliceTagBackfill {
    private static final Logger log = LoggerFactory.getLogger(SliceTagBackfill.class);
    private static final int BATCH = 1000;

    private SliceTagBackfill() {}

    /**
     * Adds the missing slice tags of the kind {@code prefix} ({@code pack}, {@code cell}, {@code station}); returns
     * how many were added.
     */
    public static long run(DataSource db, String prefix, int slices) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            boolean postgres = FleetTables.isPostgres(c);
            long from = 0;
            boolean sameCount = false;
            try (PreparedStatement ps = c.prepareStatement("SELECT slices, tagged_through FROM rs_slice_tag_backfill WHERE tag_prefix = ?")) {
                ps.setString(1, prefix);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getInt(1) == slices) {
                        from = rs.getLong(2);
                        sameCount = true;
                    }
                }
            }
            if (sameCount) {
                // done for this count at an earlier start: every event since was written by an entity of a build with
                // slice tags and this count (the assumption above), so it has its tag. Nothing to scan: a restart
                // costs the same whatever the journal's length (issue 17); only the mark moves on.
                long max = maxOrdering(c);
                if (max > from) {
                    try (PreparedStatement up = c.prepareStatement("UPDATE rs_slice_tag_backfill SET tagged_through = ? WHERE tag_prefix = ?")) {
                        up.setLong(1, max);
                        up.setString(2, prefix);
                        up.executeUpdate();
                    }
                }
                c.commit();
                return 0;
            }
            long through = from;
            long added = 0;
            String insert = postgres
                    ? "INSERT INTO \"event_tag\" (\"event_id\", \"tag\") VALUES (?, ?) ON CONFLICT DO NOTHING"
                    : "MERGE INTO \"event_tag\" KEY (\"event_id\", \"tag\") VALUES (?, ?)";
            // each event of the kind after `from`, with the slice tags it has (one row per tag, none: one row with null)
            String scan = "SELECT t.\"event_id\", j.\"persistence_id\", s.\"tag\" FROM \"event_tag\" t "
                    + "JOIN \"event_journal\" j ON j.\"ordering\" = t.\"event_id\" "
                    + "LEFT JOIN \"event_tag\" s ON s.\"event_id\" = t.\"event_id\" AND s.\"tag\" LIKE ? "
                    + "WHERE t.\"tag\" = ? AND t.\"event_id\" > ? ORDER BY t.\"event_id\"";
            try (PreparedStatement ps = c.prepareStatement(scan); PreparedStatement in = c.prepareStatement(insert)) {
                ps.setFetchSize(BATCH);
                ps.setString(1, prefix + "-%");
                ps.setString(2, prefix);
                ps.setLong(3, from);
                long current = -1;
                String expected = null;
                boolean found = false;
                int pending = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        if (id != current) {
                            if (current >= 0 && !found) {
                                add(in, current, expected);
                                added++;
                                if (++pending == BATCH) {
                                    in.executeBatch();
                                    pending = 0;
                                }
                            }
                            current = id;
                            String pid = rs.getString(2);
                            expected = TagSlice.tag(prefix, pid.substring(pid.indexOf('|') + 1), slices);
                            found = false;
                        }
                        if (expected.equals(rs.getString(3))) found = true;
                    }
                }
                if (current >= 0 && !found) {
                    add(in, current, expected);
                    added++;
                    pending++;
                }
                if (pending > 0) in.executeBatch();
                through = Math.max(through, current);
            }
            try (PreparedStatement up = c.prepareStatement("UPDATE rs_slice_tag_backfill SET slices = ?, tagged_through = ? WHERE tag_prefix = ?")) {
                up.setInt(1, slices);
                up.setLong(2, through);
                up.setString(3, prefix);
                if (up.executeUpdate() == 0) {
                    try (PreparedStatement ins = c.prepareStatement(postgres
                            ? "INSERT INTO rs_slice_tag_backfill (slices, tagged_through, tag_prefix) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"
                            : "MERGE INTO rs_slice_tag_backfill KEY (tag_prefix) VALUES (?, ?, ?)")) {
                        if (postgres) {
                            ins.setInt(1, slices);
                            ins.setLong(2, through);
                            ins.setString(3, prefix);
                        } else {
                            ins.setString(1, prefix);
                            ins.setInt(2, slices);
                            ins.setLong(3, through);
                        }
                        ins.executeUpdate();
                    }
                }
            }
            c.commit();
            if (added > 0) log.info("slice tags: {} {} event(s) tagged with their slice of {}", added, prefix, slices);
            return added;
        }
    }

    private static long maxOrdering(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(\"ordering\") FROM \"event_journal\"");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static void add(PreparedStatement in, long eventId, String tag) throws SQLException {
        in.setLong(1, eventId);
        in.setString(2, tag);
        in.addBatch();
    }

    /** Runs {@link #run} for every kind. */
    public static void runAll(DataSource db, List<String> prefixes, int slices) throws SQLException {
        for (String p : prefixes) run(db, p, slices);
    }
}
