package org.ssbtwin.api.readside;

import static org.junit.jupiter.api.Assertions.*;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ssbtwin.config.TwinSettings;

/**
 * The grouped fold of the fleet projection on a real PostgreSQL, where it writes with set-based statements over arrays
 * instead of JDBC batches: the same rows as folding one by one (and as H2), replays change nothing, and timestamps are
 * stored exactly as the driver stores a bound {@code OffsetDateTime}.
 */
class FleetProjectionGroupPostgresTest {
    @RegisterExtension
    static final ReadSidePostgres PG = new ReadSidePostgres("fold");

    /** A connection to a new, empty database with the read-side tables. */
    static Connection db() throws Exception {
        Connection c = PG.newConnection();
        assertTrue(FleetTables.isPostgres(c));
        return c;
    }

    @Test
    void anySplitIntoGroupsFoldsLikeOneByOneAndLikeH2() throws Exception {
        List<FleetProjection.Applied> events = FleetProjectionGroupTest.journal();
        Map<String, String> expected = FleetProjectionGroupTest.expected(events);
        Map<String, String> h2;
        try (Connection c = FleetProjectionGroupTest.db("pg-compare")) {
            FleetProjection.applyAll(c, events);
            c.commit();
            h2 = withTimes(c);
        }
        for (int group : new int[] {1, 4, 7, events.size()}) {
            try (Connection c = db()) {
                int applied = 0;
                for (int from = 0; from < events.size(); from += group) {
                    applied += FleetProjection.applyAll(c, events.subList(from, Math.min(events.size(), from + group)));
                    c.commit();
                }
                assertEquals(events.size(), applied, "group size " + group);
                assertEquals(expected, FleetProjectionGroupTest.rows(c), "group size " + group);
                assertEquals(h2, withTimes(c), "group size " + group + ": every column as H2 stores it");
            }
        }
    }

    @Test
    void aReplayedOrOverlappingGroupChangesNothing() throws Exception {
        try (Connection c = db()) {
            FleetProjectionGroupTest.replayedGroupsChangeNothing(c, FleetProjectionGroupPostgresTest::withTimes);
        }
    }

    @Test
    void timestampsAreStoredAsTheDriverStoresABoundOffsetDateTime() throws Exception {
        try (Connection c = db(); Statement st = c.createStatement()) {
            st.execute("CREATE TEMP TABLE t (k INT, via_driver TIMESTAMPTZ, via_text TIMESTAMPTZ)");
            long[] nanos = {0, 1, 499, 500, 501, 123_456_499, 123_456_500, 999_999_499, 999_999_500, 999_999_999};
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?, ?::timestamptz)")) {
                for (int i = 0; i < nanos.length; i++) {
                    Instant at = Instant.parse("2031-12-31T23:59:59Z").plusNanos(nanos[i]);
                    ps.setInt(1, i);
                    ps.setObject(2, at.atOffset(ZoneOffset.UTC));
                    ps.setString(3, FleetTables.timestamp(at));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (ResultSet rs = st.executeQuery("SELECT k, via_driver = via_text, via_driver::text, via_text::text FROM t ORDER BY k")) {
                int n = 0;
                while (rs.next()) {
                    assertTrue(rs.getBoolean(2), "nanos " + nanos[rs.getInt(1)] + ": driver " + rs.getString(3) + ", text " + rs.getString(4));
                    n++;
                }
                assertEquals(nanos.length, n);
            }
            assertNull(FleetTables.timestamp(null));
        }
    }

    /** Every column of both tables, timestamps as epoch microseconds (H2 and PostgreSQL print them differently). */
    static Map<String, String> withTimes(Connection c) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pack_id, vehicle_id, vehicle_model, climate, archetype, "
                + "production_week, lamination_band, status, cell_count, nominal_capacity_kwh, soh_capacity, soh_resistance, efc, km, "
                + "usage_records, events, last_seq_nr, updated_at FROM fleet_pack")) {
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 2; i <= 17; i++) {
                    Object v = rs.getObject(i);
                    row.append(v instanceof Number n ? String.valueOf(n.doubleValue()) : v).append('|');
                }
                row.append(micros(rs.getObject(18, java.time.OffsetDateTime.class)));
                out.put(rs.getString(1), row.toString());
            }
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pack_id, soh_month, soh, relative_resistance, "
                + "usage_records, updated_at FROM fleet_pack_soh_monthly")) {
            while (rs.next()) {
                out.put(rs.getString(1) + "/" + rs.getString(2).strip(), rs.getDouble(3) + "|" + rs.getDouble(4) + "|" + rs.getLong(5) + "|"
                        + micros(rs.getObject(6, java.time.OffsetDateTime.class)));
            }
        }
        return out;
    }

    private static String micros(java.time.OffsetDateTime t) {
        if (t == null) return "null";
        Instant i = t.toInstant();
        return i.getEpochSecond() + "." + i.getNano() / 1000;
    }
}
