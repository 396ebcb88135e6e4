package org.ssbtwin.api.readside;

import static org.junit.jupiter.api.Assertions.*;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.ssbtwin.config.TwinSettings;
import org.ssbtwin.fleet.readmodel.FleetPackRow;
import org.ssbtwin.fleet.readmodel.Period;
import org.ssbtwin.core.id.VehicleId;
import org.ssbtwin.fleet.pack.PackEvent;

/**
 * The grouped fold of the fleet projection (H2 in memory): any split of the same events into groups gives the rows
 * of folding them one by one (computed here with {@link FleetPackRow#apply}), monthly rows count each period once,
 * and a group replayed (whole or overlapping) changes nothing.
 */
class FleetProjectionGroupTest {
    static final Instant T0 = Instant.parse("2028-01-25T00:00:00Z");

    /** Three packs, interleaved as the journal would deliver them: installed, then 12 days each across January/February. */
    static List<FleetProjection.Applied> journal() {
        List<FleetProjection.Applied> out = new ArrayList<>();
        String[] packs = {"P-1", "P-2", "P-3"};
        for (int p = 0; p < packs.length; p++) {
            out.add(new FleetProjection.Applied(packs[p], 1, new PackEvent.Installed(VehicleId.of("VF8-00000" + (p + 1)), "HOT", "COMMUTER", T0)));
        }
        for (int day = 0; day < 12; day++) {
            for (int p = 0; p < packs.length; p++) {
                Instant start = T0.plusSeconds(86400L * day);
                double km = 50 + 10 * p + day;
                out.add(new FleetProjection.Applied(packs[p], day + 2, new PackEvent.UsageRecorded("r" + day, "telemetry", start,
                        start.plusSeconds(86400), km, km * 0.2, 0.3, 25, 0.1, 1.0 - 0.001 * (day + 1) - 0.0001 * p, 1.0 + 0.002 * day, null, null,
                        start.plusSeconds(86400))));
            }
        }
        return out;
    }

    static Connection db(String name) throws Exception {
        org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        ReadSideSchema.migrate(ds, TwinSettings.DatabaseKind.H2);
        Connection c = ds.getConnection();
        c.setAutoCommit(false);
        return c;
    }

    static Map<String, String> rows(Connection c) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pack_id, status, km, efc, soh_capacity, usage_records, events, last_seq_nr FROM fleet_pack")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2) + " km " + rs.getDouble(3) + " efc " + rs.getDouble(4) + " soh " + rs.getDouble(5)
                        + " usage " + rs.getLong(6) + " events " + rs.getLong(7) + " seq " + rs.getLong(8));
            }
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pack_id, soh_month, soh, usage_records FROM fleet_pack_soh_monthly")) {
            while (rs.next()) out.put(rs.getString(1) + "/" + rs.getString(2), "soh " + rs.getDouble(3) + " usage " + rs.getLong(4));
        }
        return out;
    }

    /** The expected rows: each event folded alone with the read model's own fold. */
    static Map<String, String> expected(List<FleetProjection.Applied> events) {
        Map<String, FleetPackRow> packs = new HashMap<>();
        Map<String, String> out = new TreeMap<>();
        Map<String, Long> monthCounts = new HashMap<>();
        for (FleetProjection.Applied e : events) {
            packs.put(e.packId(), packs.getOrDefault(e.packId(), FleetPackRow.empty(e.packId())).apply(e.event(), e.seqNr()));
            if (e.event() instanceof PackEvent.UsageRecorded u) {
                String key = e.packId() + "/" + Period.monthOf(u.periodStart());
                long n = monthCounts.merge(key, 1L, Long::sum);
                out.put(key, "soh " + u.stateOfHealthAfter() + " usage " + n);
            }
        }
        packs.forEach((id, r) -> out.put(id, r.status() + " km " + r.km() + " efc " + r.efc() + " soh " + r.sohCapacity()
                + " usage " + r.usageRecords() + " events " + r.events() + " seq " + r.lastSeqNr()));
        return out;
    }

    @Test
    void anySplitIntoGroupsFoldsLikeOneByOne() throws Exception {
        List<FleetProjection.Applied> events = journal();
        Map<String, String> expected = expected(events);
        assertEquals(3 + 3 * 2, expected.size(), "three packs, each with a January and a February row");
        int db = 0;
        for (int group : new int[] {1, 4, 7, events.size()}) {
            try (Connection c = db("group" + group + "-" + db++)) {
                int applied = 0;
                for (int from = 0; from < events.size(); from += group) {
                    applied += FleetProjection.applyAll(c, events.subList(from, Math.min(events.size(), from + group)));
                    c.commit();
                }
                assertEquals(events.size(), applied, "group size " + group);
                assertEquals(expected, rows(c), "group size " + group);
            }
        }
    }

    @Test
    void aReplayedOrOverlappingGroupChangesNothing() throws Exception {
        try (Connection c = db("replay")) {
            replayedGroupsChangeNothing(c, FleetProjectionGroupTest::rows);
        }
    }

    /** What a table reader sees of a connection's read model. */
    interface Rows {
        Map<String, String> of(Connection c) throws Exception;
    }

    /** Folds a group, folds it again, then a group overlapping it: the rows end as folding every event once. */
    static void replayedGroupsChangeNothing(Connection c, Rows rows) throws Exception {
        List<FleetProjection.Applied> events = journal();
        assertEquals(20, FleetProjection.applyAll(c, events.subList(0, 20)));
        c.commit();
        Map<String, String> afterFirst = rows.of(c);
        assertEquals(0, FleetProjection.applyAll(c, events.subList(0, 20)), "the same group again");
        c.commit();
        assertEquals(afterFirst, rows.of(c));
        // an older offset: the group starts inside what is already folded
        assertEquals(events.size() - 20, FleetProjection.applyAll(c, events.subList(10, events.size())));
        c.commit();
        assertEquals(expected(events), rows(c));
    }
}
