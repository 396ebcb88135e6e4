package org.ssbtwin.api.readside;

import static org.junit.jupiter.api.Assertions.*;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.ssbtwin.config.TwinSettings;
import org.ssbtwin.core.id.StationId;
import org.ssbtwin.plant.station.Station;
import org.ssbtwin.plant.station.StationEvent;
import org.ssbtwin.plant.station.StationRow;
import org.ssbtwin.plant.station.StationState;
import org.ssbtwin.plant.station.StationTimeAccount;

/**
 * Stations in the read-side tables (schema V5) on H2: whatever the split of the journal into groups, replays from an
 * older offset and a rolled-back group, {@code rs_station} with its scrap by cause and readings holds exactly what the
 * nodes used to fold from the station tag in their heap at start (the {@link Station} and its
 * {@link StationTimeAccount}); the station list and the rows the line KPIs read answer it; a row written under V4 is
 * folded again from the journal the first time the projection touches it. {@link StationTablesPostgresTest} runs the
 * same on PostgreSQL.
 */
class StationTablesTest {
    static final Instant T0 = Instant.parse("2028-03-01T06:00:00Z");
    static final List<String> STATIONS = List.of("DK1-LAM-01", "DK1-STK-01", "DK1-EOL-01", "DK1-DRY-01");
    private static final List<String> CAUSES = List.of("misalignment", "dendrite-short", "dew-point-excursion", "capacity-low");
    private static final List<String> QUANTITIES = List.of("laminationTemperatureC", "dewPointC", "pressureMpa");

    /**
     * A journal of station events, interleaved across four stations in time order (per-station sequence numbers from
     * 1), with record ids as the simulation writes them: commissioning, state changes through every state, readings,
     * throughput with scrap by cause, setpoint changes; instants with milliseconds.
     */
    static List<AssetProjection.Applied<StationEvent>> journal() {
        Random r = new Random(17);
        List<AssetProjection.Applied<StationEvent>> out = new ArrayList<>();
        Map<String, Long> seq = new HashMap<>();
        Instant at = T0;
        for (String id : STATIONS) {
            at = at.plusMillis(250);
            out.add(applied(seq, id, new StationEvent.Commissioned(StationId.of(id), id.substring(4, 7), 2,
                    Map.of("laminationTemperatureC", 120.0), at)));
        }
        StationState[] states = StationState.values();
        for (int i = 0; i < 300; i++) {
            at = at.plusMillis(1 + r.nextInt(900_000));
            String id = STATIONS.get(r.nextInt(STATIONS.size() - 1)); // the last station is only commissioned
            String record = id + "-" + i;
            StationEvent e = switch (r.nextInt(5)) {
                case 0 -> new StationEvent.StateChanged(states[r.nextInt(states.length)], "reason " + i, at, record);
                case 1 -> {
                    Map<String, Long> scrap = new TreeMap<>();
                    if (r.nextBoolean()) scrap.put(CAUSES.get(r.nextInt(CAUSES.size())), 1L + r.nextInt(3));
                    long in = 10 + r.nextInt(10);
                    yield new StationEvent.ThroughputRecorded(in, in - scrap.values().stream().mapToLong(Long::longValue).sum(), scrap, at, record);
                }
                case 2 -> new StationEvent.SetpointChanged("laminationTemperatureC", 110 + r.nextInt(30) + 0.5, at);
                default -> {
                    Map<String, Double> readings = new TreeMap<>();
                    readings.put(QUANTITIES.get(r.nextInt(QUANTITIES.size())), -50 + r.nextDouble() * 200);
                    if (r.nextBoolean()) readings.put(QUANTITIES.get(r.nextInt(QUANTITIES.size())), r.nextGaussian());
                    yield new StationEvent.ReadingsRecorded(readings, at, record);
                }
            };
            out.add(applied(seq, id, e));
        }
        return out;
    }

    private static AssetProjection.Applied<StationEvent> applied(Map<String, Long> seq, String id, StationEvent e) {
        return new AssetProjection.Applied<>(id, seq.merge(id, 1L, Long::sum), e);
    }

    /** What a node folded from the station tag at start before V5: the station and its time account per id. */
    record Folded(Station station, StationTimeAccount time, long lastSeqNr) {}

    static Map<String, Folded> heapFold(List<AssetProjection.Applied<StationEvent>> events) {
        Map<String, Station> stations = new TreeMap<>();
        Map<String, StationTimeAccount> time = new HashMap<>();
        Map<String, Long> last = new HashMap<>();
        for (AssetProjection.Applied<StationEvent> e : events) {
            stations.compute(e.id(), (id, s) -> (s == null ? Station.unknown(StationId.of(id)) : s).apply(e.event()));
            time.compute(e.id(), (id, t) -> (t == null ? StationTimeAccount.start() : t).apply(e.event()));
            last.put(e.id(), e.seqNr());
        }
        Map<String, Folded> out = new TreeMap<>();
        stations.forEach((id, s) -> out.put(id, new Folded(StationRow.withoutRecordIds(s), time.get(id), last.get(id))));
        return out;
    }

    static Connection db(String name) throws Exception {
        Connection c = h2(name).getConnection();
        ReadSideSchema.migrate(h2(name), TwinSettings.DatabaseKind.H2);
        c.setAutoCommit(false);
        return c;
    }

    static DataSource h2(String name) {
        org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
        ds.setURL("jdbc:h2:mem:stations-" + name + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }

    /** The history of a station as the journal would give it back: its events of {@code events}, folded. */
    static StationHistory history(List<AssetProjection.Applied<StationEvent>> events) {
        return (id, toSeqNr) -> {
            StationRow row = StationRow.empty(id);
            for (AssetProjection.Applied<StationEvent> e : events) {
                if (e.id().equals(id) && e.seqNr() <= toSeqNr) row = row.apply(e.event(), e.seqNr());
            }
            return row;
        };
    }

    /** Every station is in the slice. */
    static final java.util.function.Predicate<String> ALL = id -> true;

    /** A history that must not be read (every stored row is a V5 row). */
    static final StationHistory NO_HISTORY = (id, to) -> {
        throw new AssertionError("station " + id + " read from the journal although its row is complete");
    };

    /** The stored rows equal the heap fold: every field of every station, its time account, its sequence numbers. */
    static void assertRowsEqualTheHeapFold(Connection c, Map<String, Folded> expected) throws Exception {
        Map<String, StationRow> stored = new TreeMap<>(AssetTables.loadStations(c, expected.keySet()));
        assertEquals(expected.keySet(), stored.keySet());
        List<StationRow> all = AssetTables.allStations(c);
        assertEquals(List.copyOf(expected.keySet()), all.stream().map(r -> r.station().id().value()).toList(), "all stations in id order");
        for (StationRow row : all) assertEquals(stored.get(row.station().id().value()), row, "allStations and loadStations agree");
        expected.forEach((id, f) -> {
            StationRow s = stored.get(id);
            assertEquals(f.station(), s.station(), id);
            assertEquals(f.time(), s.time(), id + ": time in state");
            assertEquals(f.lastSeqNr(), s.lastSeqNr(), id);
            assertEquals(1, s.firstSeqNr(), id + ": the row holds the station's whole life");
        });
    }

    @Test
    void anySplitIntoGroupsStoresWhatTheHeapFolded() throws Exception {
        anySplitIntoGroupsStoresWhatTheHeapFolded(StationTablesTest::db);
    }

    interface Databases {
        Connection open(String name) throws Exception;
    }

    static void anySplitIntoGroupsStoresWhatTheHeapFolded(Databases dbs) throws Exception {
        List<AssetProjection.Applied<StationEvent>> events = journal();
        Map<String, Folded> expected = heapFold(events);
        assertTrue(STATIONS.subList(0, 3).stream().allMatch(id -> expected.get(id).time().millisInState().size() >= 3), "time counted in states");
        assertTrue(expected.get("DK1-LAM-01").station().scrapByCause().size() >= 2, "scrap of several causes");
        assertTrue(expected.get("DK1-LAM-01").station().readings().size() >= 2, "several quantities read");
        for (int group : new int[] {1, 7, 50, events.size()}) {
            try (Connection c = dbs.open("split-" + group)) {
                int applied = 0;
                for (int from = 0; from < events.size(); from += group) {
                    applied += AssetProjection.applyStations(c, events.subList(from, Math.min(events.size(), from + group)), NO_HISTORY, ALL);
                    c.commit();
                }
                assertEquals(events.size(), applied, "group size " + group);
                assertRowsEqualTheHeapFold(c, expected);
                assertBounded(c, expected);
            }
        }
    }

    /** One row per station, per scrap cause and per reading quantity: none per event. */
    static void assertBounded(Connection c, Map<String, Folded> expected) throws Exception {
        assertEquals(expected.size(), count(c, "SELECT COUNT(*) FROM rs_station"));
        assertEquals(expected.values().stream().mapToLong(f -> f.station().scrapByCause().size()).sum(), count(c, "SELECT COUNT(*) FROM rs_station_scrap"));
        assertEquals(expected.values().stream().mapToLong(f -> f.station().readings().size()).sum(), count(c, "SELECT COUNT(*) FROM rs_station_reading"));
    }

    @Test
    void aRestartFromAnOlderOffsetOrARolledBackGroupAppliesEveryEventOnce() throws Exception {
        aRestartFromAnOlderOffsetOrARolledBackGroupAppliesEveryEventOnce(db("restart"));
    }

    static void aRestartFromAnOlderOffsetOrARolledBackGroupAppliesEveryEventOnce(Connection c) throws Exception {
        List<AssetProjection.Applied<StationEvent>> events = journal();
        int half = events.size() / 2;
        try (c) {
            assertEquals(half, AssetProjection.applyStations(c, events.subList(0, half), NO_HISTORY, ALL));
            c.commit();
            // a group folded but never committed (the node died before the commit): nothing of it stays
            assertEquals(20, AssetProjection.applyStations(c, events.subList(half, half + 20), NO_HISTORY, ALL));
            c.rollback();
            assertRowsEqualTheHeapFold(c, heapFold(events.subList(0, half)));
            // the restarted projection resumes from an offset older than what the rows hold (offset lost, slices changed)
            int applied = 0;
            for (int from = half - 40; from < events.size(); from += 25) {
                applied += AssetProjection.applyStations(c, events.subList(from, Math.min(events.size(), from + 25)), NO_HISTORY, ALL);
                c.commit();
            }
            assertEquals(events.size() - half, applied, "only the events the rows did not hold");
            assertRowsEqualTheHeapFold(c, heapFold(events));
            assertEquals(0, AssetProjection.applyStations(c, events, NO_HISTORY, ALL), "a full replay changes nothing");
            c.commit();
            assertRowsEqualTheHeapFold(c, heapFold(events));
        }
    }

    @Test
    void theListAndTheKpiRowsAnswerFromTheTable() throws Exception {
        theListAndTheKpiRowsAnswerFromTheTable(h2("queries"), TwinSettings.DatabaseKind.H2);
    }

    static void theListAndTheKpiRowsAnswerFromTheTable(DataSource ds, TwinSettings.DatabaseKind kind) throws Exception {
        ReadSideSchema.migrate(ds, kind);
        List<AssetProjection.Applied<StationEvent>> events = journal();
        Map<String, Folded> expected = heapFold(events);
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            AssetProjection.applyStations(c, events, NO_HISTORY, ALL);
            c.commit();
        }
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            AssetQueries q = new AssetQueries(ds, executor);
            // the old list: commissioned stations of the heap fold, filtered, in id order, paged
            for (AssetQueries.StationFilter f : List.of(new AssetQueries.StationFilter(null, null), new AssetQueries.StationFilter("lam", null),
                    new AssetQueries.StationFilter(null, expected.get("DK1-STK-01").station().state()),
                    new AssetQueries.StationFilter("EOL", StationState.IDLE), new AssetQueries.StationFilter("none", null))) {
                List<Station> matching = expected.values().stream().map(Folded::station).filter(Station::commissioned)
                        .filter(s -> f.kind() == null || f.kind().equalsIgnoreCase(s.kind()))
                        .filter(s -> f.state() == null || f.state() == s.state()).toList();
                for (int size : new int[] {1, 3, 500}) {
                    for (int page = 0; page * size <= matching.size(); page++) {
                        AssetDirectory.Page<Station> p = q.stations(f, page, size).toCompletableFuture().get(20, TimeUnit.SECONDS);
                        assertEquals(matching.size(), p.total(), f.toString());
                        assertEquals(matching.subList(Math.min(matching.size(), page * size), Math.min(matching.size(), page * size + size)),
                                p.items(), f + " page " + page + " of " + size);
                    }
                }
            }
            List<StationRow> rows = q.allStations().toCompletableFuture().get(20, TimeUnit.SECONDS);
            assertEquals(List.copyOf(expected.keySet()), rows.stream().map(r -> r.station().id().value()).toList());
            for (StationRow r : rows) {
                Folded f = expected.get(r.station().id().value());
                assertEquals(f.station(), r.station());
                assertEquals(f.time(), r.time());
            }
            // the change feed's seed of a station not seen since start
            var versioned = q.summaries(List.of("DK1-LAM-01")).toCompletableFuture().get(20, TimeUnit.SECONDS).get("DK1-LAM-01");
            assertEquals(expected.get("DK1-LAM-01").station(), versioned.summary());
            assertEquals(expected.get("DK1-LAM-01").lastSeqNr(), versioned.lastSeqNr());
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aRowWrittenUnderV4IsFoldedAgainFromTheJournalOnce() throws Exception {
        DataSource ds = h2("v4-row");
        aRowWrittenUnderV4IsFoldedAgainFromTheJournalOnce(ds, TwinSettings.DatabaseKind.H2);
    }

    static void aRowWrittenUnderV4IsFoldedAgainFromTheJournalOnce(DataSource ds, TwinSettings.DatabaseKind kind) throws Exception {
        assertEquals("4", ReadSideSchema.migrate(ds, kind, "4"));
        List<AssetProjection.Applied<StationEvent>> events = journal();
        int before = events.size() * 2 / 3;
        Map<String, Folded> atV4 = heapFold(events.subList(0, before));
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            for (Folded f : atV4.values()) insertAsV4(c, f);
            c.commit();
        }
        assertEquals("5", ReadSideSchema.migrate(ds, kind));
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            Map<String, StationRow> migrated = AssetTables.loadStations(c, atV4.keySet());
            atV4.forEach((id, f) -> {
                StationRow r = migrated.get(id);
                assertEquals(0, r.firstSeqNr(), id + ": not known to hold the whole life");
                assertEquals(f.lastSeqNr(), r.lastSeqNr(), id);
                assertEquals(f.station().unitsOut(), r.station().unitsOut(), id + ": the V4 counters are kept");
                assertEquals(Map.of(), r.station().scrapByCause(), id);
            });
            // the journal's history of each station, as the projection reads it for a V4 row; counts the reads
            Map<String, Integer> reads = new HashMap<>();
            StationHistory journal = history(events.subList(0, before));
            StationHistory counted = (id, to) -> {
                reads.merge(id, 1, Integer::sum);
                assertEquals(atV4.get(id).lastSeqNr(), to, id + ": folded up to the row's last event");
                return journal.fold(id, to);
            };
            // the projection instance of one slice starts: only its slice's rows are completed, without any event
            assertEquals(1, AssetProjection.completeStations(c, counted, id -> id.equals("DK1-LAM-01")));
            c.commit();
            Map<String, StationRow> started = AssetTables.loadStations(c, atV4.keySet());
            atV4.forEach((id, f) -> assertEquals(id.equals("DK1-LAM-01") ? 1 : 0, started.get(id).firstSeqNr(), id));
            assertEquals(heapFold(events.subList(0, before)).get("DK1-LAM-01").time(), started.get("DK1-LAM-01").time());
            assertEquals(0, AssetProjection.completeStations(c, counted, id -> id.equals("DK1-LAM-01")), "done once");
            c.commit();
            // the first group after the upgrade replays a little of what the rows hold (an older offset) and goes on
            int applied = 0;
            for (int from = before - 10; from < events.size(); from += 30) {
                applied += AssetProjection.applyStations(c, events.subList(from, Math.min(events.size(), from + 30)), counted, ALL);
                c.commit();
            }
            assertEquals(events.size() - before, applied);
            assertRowsEqualTheHeapFold(c, heapFold(events));
            assertEquals(atV4.keySet(), reads.keySet(), "each V4 row folded from the journal");
            assertTrue(reads.values().stream().allMatch(n -> n == 1), "once: " + reads);
        }
    }

    /** A row as the V4 projection wrote it: no first sequence number, time in state, scrap by cause or readings. */
    private static void insertAsV4(Connection c, Folded f) throws Exception {
        Station s = f.station();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO rs_station (station_id, station_kind, units, state, state_reason, "
                + "state_since, units_in, units_out, scrap, revision, setpoints, last_seq_nr, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, s.id().value());
            ps.setString(2, s.kind());
            ps.setInt(3, s.units());
            ps.setString(4, s.state().name());
            ps.setString(5, s.stateReason());
            ps.setObject(6, s.stateSince().atOffset(ZoneOffset.UTC));
            ps.setLong(7, s.unitsIn());
            ps.setLong(8, s.unitsOut());
            ps.setLong(9, s.scrapTotal());
            ps.setLong(10, s.revision());
            ps.setString(11, new StationRow(s, f.time(), 1, f.lastSeqNr()).setpointsText());
            ps.setLong(12, f.lastSeqNr());
            ps.setObject(13, s.lastEventAt().atOffset(ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }

    static long count(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
