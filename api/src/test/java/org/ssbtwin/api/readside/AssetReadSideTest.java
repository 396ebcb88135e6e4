package org.ssbtwin.api.readside;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssbtwin.api.FleetFixtures;
import org.ssbtwin.api.TestTwin;
import org.ssbtwin.api.TwinServer;
import org.ssbtwin.core.TagSlice;
import org.ssbtwin.fleet.pack.PackEvent;
import org.ssbtwin.fleet.pack.PackSummary;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.plant.cell.CellEvent;
import org.ssbtwin.plant.cell.CellRow;
import org.ssbtwin.plant.station.StationEvent;
import org.ssbtwin.plant.station.StationRow;

/**
 * The plant's read side on H2 with a small simulated population: the simulation writes stations, cells and packs;
 * the node is stopped mid-stream, restarted (the simulation continues its id sequences from {@code rs_serial}), then
 * restarted with three slices instead of two (new projection keys replay every slice tag from the start). Each time
 * the tables hold every journal event exactly once (each row's last sequence number is its asset's last, each slice's
 * offset is the ordering of its last event), and the lists ({@code GET /cells}, {@code /packs}) equal the fold of the
 * assets' events, which is the entities' state.
 */
class AssetReadSideTest {
    @TempDir
    Path dir;

    private TwinServer start(int slices, boolean simulation) throws Exception {
        TwinServer t = TestTwin.start(dir, Map.of("twin.simulation.enabled", simulation, "twin.read-side.projection-instances", slices,
                "twin.clock.speed-up", 3600));
        t.readiness().get(60, TimeUnit.SECONDS);
        return t;
    }

    @Test
    void tablesHoldEveryEventOnceAcrossRestartsAndASliceChange() throws Exception {
        long cellsAtStop;
        try (TwinServer first = start(2, true)) {
            TestTwin.await("cells and packs in service", Duration.ofSeconds(90), () ->
                    total(first, "/api/v1/cells") >= 40 && total(first, "/api/v1/packs?state=in_service") >= 2);
            cellsAtStop = total(first, "/api/v1/cells");
        } // stopped mid-stream: the simulation and the projections were busy

        try (TwinServer second = start(2, true)) {
            TestTwin.await("the simulation continues after the restart", Duration.ofSeconds(90),
                    () -> total(second, "/api/v1/cells") >= cellsAtStop + 20);
            assertEquals(0, second.simulation().rejected(), "no id of the first run reused: every batch accepted");
        } // stopped mid-stream again

        try (TwinServer quiet = start(2, false)) {
            try (Connection c = FleetFixtures.connect(quiet.settings().database())) {
                awaitOffsets(c, 2); // the same projection keys resume from their offsets
                assertTablesEqualTheJournal(quiet, c);
            }
        }

        try (TwinServer third = start(3, false)) {
            try (Connection c = FleetFixtures.connect(third.settings().database())) {
                long before = FleetFixtures.number(c, "SELECT COUNT(*) FROM rs_cell_roll");
                awaitOffsets(c, 3); // new projection keys: every slice tag read again from its start
                assertTablesEqualTheJournal(third, c);
                assertEquals(before, FleetFixtures.number(c, "SELECT COUNT(*) FROM rs_cell_roll"), "the replay added no roll twice");
                assertTrue(FleetFixtures.number(c, "SELECT COUNT(*) FROM \"event_tag\" WHERE \"tag\" LIKE 'cell-2'") > 0,
                        "events of the first runs were given their tag of three slices");
            }
        }
    }

    private static long total(TwinServer t, String list) {
        var r = TestTwin.get(t.port(), list);
        return r.status() == 200 ? r.json().get("total").asLong() : -1;
    }

    /** Every slice of the three projections has stored the ordering of its last event in the journal. */
    private static void awaitOffsets(Connection c, int slices) {
        TestTwin.await("offsets of " + slices + " slices at the end of the journal", Duration.ofSeconds(60), () -> {
            try {
                return offsets(c, slices).equals(expectedOffsets(c, slices));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static Map<String, Long> offsets(Connection c, int slices) throws Exception {
        Map<String, Long> out = new TreeMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT \"projection_name\", \"projection_key\", \"current_offset\" FROM \"pekko_projection_offset_store\"")) {
            while (rs.next()) {
                if (rs.getString(2).endsWith("-of-" + slices)) out.put(rs.getString(1) + "/" + rs.getString(2), Long.parseLong(rs.getString(3).trim()));
            }
        }
        return out;
    }

    private static Map<String, Long> expectedOffsets(Connection c, int slices) throws Exception {
        Map<String, Long> out = new TreeMap<>();
        Map<String, String> names = Map.of("Station", AssetProjection.STATIONS, "Cell", AssetProjection.CELLS, "Pack", FleetProjection.NAME);
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT \"persistence_id\", MAX(\"ordering\") FROM \"event_journal\" GROUP BY \"persistence_id\"")) {
            while (rs.next()) {
                String pid = rs.getString(1);
                String type = pid.substring(0, pid.indexOf('|'));
                if (!names.containsKey(type)) continue;
                int slice = TagSlice.of(pid.substring(pid.indexOf('|') + 1), slices);
                out.merge(names.get(type) + "/slice-" + slice + "-of-" + slices, rs.getLong(2), Math::max);
            }
        }
        return out;
    }

    /** The journal's events folded per asset (as the entities fold them) against the tables and the lists. */
    private static void assertTablesEqualTheJournal(TwinServer twin, Connection c) throws Exception {
        JdbcReadJournal journal = PersistenceQuery.get(twin.system()).getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
        List<EventEnvelope> events = journal.currentEventsByTag("cell", Offset.noOffset()).runWith(Sink.seq(), twin.system())
                .toCompletableFuture().get(60, TimeUnit.SECONDS);
        Map<String, CellRow> cells = new TreeMap<>();
        Set<String> rolls = new HashSet<>();
        Map<String, Long> serials = new HashMap<>();
        for (EventEnvelope env : events) {
            String id = SliceTagSource.entityId(env.persistenceId());
            CellEvent e = (CellEvent) env.event();
            cells.put(id, cells.getOrDefault(id, CellRow.empty(id)).apply(e, env.sequenceNr()));
            SerialTable.note(serials, id);
            if (e instanceof CellEvent.InlaysLaminated l) l.inlays().forEach(i -> {
                SerialTable.note(serials, i.inlayId().value());
                i.rolls().forEach(r -> {
                    rolls.add(r.value() + "/" + id);
                    SerialTable.note(serials, r.value());
                });
            });
        }
        assertFalse(cells.isEmpty());
        Map<String, CellRow> stored = new TreeMap<>(AssetTables.loadCells(c, cells.keySet()));
        assertEquals(cells.keySet(), stored.keySet());
        for (String id : cells.keySet()) assertEquals(micros(cells.get(id)), micros(stored.get(id)), id);
        assertEquals(cells.size(), FleetFixtures.number(c, "SELECT COUNT(*) FROM rs_cell"));
        Set<String> storedRolls = new HashSet<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT roll_id, cell_id FROM rs_cell_roll")) {
            while (rs.next()) storedRolls.add(rs.getString(1) + "/" + rs.getString(2));
        }
        assertEquals(rolls, storedRolls);

        // stations: the whole of what nodes folded from the station tag in their heap before V5 (time in state, scrap by
        // cause, readings, observed until), each event once across the restarts and the slice change
        List<AssetProjection.Applied<StationEvent>> stationEvents = new java.util.ArrayList<>();
        for (EventEnvelope env : journal.currentEventsByTag("station", Offset.noOffset()).runWith(Sink.seq(), twin.system())
                .toCompletableFuture().get(60, TimeUnit.SECONDS)) {
            stationEvents.add(new AssetProjection.Applied<>(SliceTagSource.entityId(env.persistenceId()), env.sequenceNr(), (StationEvent) env.event()));
        }
        Map<String, StationTablesTest.Folded> stations = StationTablesTest.heapFold(stationEvents);
        Map<String, StationRow> storedStations = AssetTables.loadStations(c, stations.keySet());
        assertEquals(stations.keySet(), storedStations.keySet());
        stations.forEach((id, f) -> {
            StationRow s = storedStations.get(id);
            assertEquals(f.lastSeqNr(), s.lastSeqNr(), id);
            assertEquals(1, s.firstSeqNr(), id);
            assertEquals(micros(f.station()), s.station(), id);
            assertEquals(f.time().millisInState(), s.time().millisInState(), id);
        });

        Map<String, PackSummary> packs = new TreeMap<>();
        for (EventEnvelope env : journal.currentEventsByTag("pack", Offset.noOffset()).runWith(Sink.seq(), twin.system())
                .toCompletableFuture().get(60, TimeUnit.SECONDS)) {
            String id = SliceTagSource.entityId(env.persistenceId());
            packs.put(id, packs.getOrDefault(id, PackSummary.of(PackId.of(id))).apply((PackEvent) env.event()));
            if (env.event() instanceof PackEvent.Assembled) SerialTable.note(serials, id);
            if (env.event() instanceof PackEvent.Installed i) SerialTable.note(serials, i.vehicleId().value());
        }
        assertEquals(serials, SerialTable.all(c), "rs_serial: the highest serial of every id prefix");

        // the lists answer from the tables exactly what the entities' events fold to
        Map<String, JsonNode> listedCells = listAll(twin, "/api/v1/cells");
        assertEquals(cells.keySet(), listedCells.keySet());
        cells.forEach((id, row) -> {
            JsonNode j = listedCells.get(id);
            assertEquals(row.status().name(), j.get("status").asText(), id);
            assertEquals(row.capacityAh(), j.get("capacityAh").asDouble(), 0.0, id);
            assertEquals(row.packId(), j.get("packId").isNull() ? null : j.get("packId").asText(), id);
        });
        Map<String, JsonNode> listedPacks = listAll(twin, "/api/v1/packs");
        assertEquals(packs.keySet(), listedPacks.keySet());
        packs.forEach((id, p) -> {
            JsonNode j = listedPacks.get(id);
            assertEquals(p.status().name(), j.get("status").asText(), id);
            assertEquals(p.km(), j.get("km").asDouble(), 1e-9, id);
            assertEquals(p.stateOfHealth(), j.get("stateOfHealth").asDouble(), 0.0, id);
        });
    }

    /** A row with its instants at microseconds (what the tables keep). */
    private static CellRow micros(CellRow r) {
        return new CellRow(r.cellId(), r.status(), r.grade(), r.capacityAh(), r.resistanceMilliOhm(), r.laminationUnit(),
                r.laminatedAt() == null ? null : r.laminatedAt().truncatedTo(ChronoUnit.MICROS), r.laminationTemperatureC(), r.dewPointC(),
                r.lotId(), r.shippedAt() == null ? null : r.shippedAt().truncatedTo(ChronoUnit.MICROS), r.destination(), r.packId(),
                r.packPosition(), r.vehicleId(), r.stateOfHealth(), r.lastSeqNr(),
                r.updatedAt() == null ? null : r.updatedAt().truncatedTo(ChronoUnit.MICROS));
    }

    /** A station with its instants at microseconds (what the tables keep). */
    private static org.ssbtwin.plant.station.Station micros(org.ssbtwin.plant.station.Station s) {
        java.util.function.UnaryOperator<java.time.Instant> us = t -> t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
        return new org.ssbtwin.plant.station.Station(s.id(), s.kind(), s.units(), s.setpoints(), s.state(), s.stateReason(),
                us.apply(s.stateSince()), s.unitsIn(), s.unitsOut(), s.scrapByCause(), s.readings(), us.apply(s.lastEventAt()),
                us.apply(s.observedUntil()), s.revision(), s.recentRecordIds());
    }

    private static Map<String, JsonNode> listAll(TwinServer twin, String list) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (int page = 0; ; page++) {
            var r = TestTwin.get(twin.port(), list + "?size=500&page=" + page);
            assertEquals(200, r.status(), r.body());
            JsonNode items = r.json().get("items");
            items.forEach(i -> out.put(i.get("id").asText(), i));
            if (items.size() < 500) return out;
        }
    }
}
