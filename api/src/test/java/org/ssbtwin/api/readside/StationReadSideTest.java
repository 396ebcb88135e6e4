package org.ssbtwin.api.readside;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
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
import org.ssbtwin.api.http.Json;
import org.ssbtwin.core.id.StationId;
import org.ssbtwin.plant.entity.StationEntity;
import org.ssbtwin.plant.station.LineKpis;
import org.ssbtwin.plant.station.StationEvent;
import org.ssbtwin.plant.station.StationState;

/**
 * A real node (H2 file, no simulation): stations recorded through their entities are answered by {@code GET
 * /api/v1/stations} and {@code /plant/kpis} from the read-side tables exactly as the old fold of the station tag in the
 * node's heap answered them; after a restart the node replays no station event (ready at once: {@code eventsReplayed}
 * 0) and still answers the same, and a setpoint changed after the restart reaches the list and the change feed's
 * directory; rows written under V4 (time in state, scrap by cause and readings missing) are folded again from the real
 * journal as the projection starts, without any new event; with the read side disabled both routes answer a 503 problem.
 */
class StationReadSideTest {
    private static final Instant T0 = Instant.parse("2028-05-01T06:00:00Z");
    private static final List<String> IDS = List.of("DK1-LAM-01", "DK1-STK-01", "DK1-EOL-01");

    @TempDir
    Path dir;

    private TwinServer start(Map<String, Object> extra) throws Exception {
        Map<String, Object> o = new HashMap<>(Map.of("twin.simulation.enabled", false, "twin.read-side.projection-instances", 1));
        o.putAll(extra);
        TwinServer t = TestTwin.start(dir, o);
        t.readiness().get(60, TimeUnit.SECONDS);
        return t;
    }

    /** Each station's life: commissioning, state changes, throughput with scrap, readings, a setpoint change. */
    private static Map<String, List<StationEvent>> lives() {
        Map<String, List<StationEvent>> out = new LinkedHashMap<>();
        for (int n = 0; n < IDS.size(); n++) {
            String id = IDS.get(n);
            Instant at = T0.plusSeconds(n);
            List<StationEvent> events = new ArrayList<>();
            events.add(new StationEvent.Commissioned(StationId.of(id), List.of("LAMINATION", "BIPOLAR_STACKING", "EOL_TEST").get(n), 2,
                    Map.of("laminationTemperatureC", 120.0), at));
            for (int i = 0; i < 12; i++) {
                at = at.plusSeconds(600 + 37L * i + n);
                String rec = id + "-" + i;
                events.add(new StationEvent.StateChanged(StationState.values()[(i + n) % StationState.values().length], "step " + i, at, rec + "-s"));
                events.add(new StationEvent.ThroughputRecorded(20 + i, 18 + i, i % 3 == 0 ? Map.of("misalignment", 1L, "dendrite-short", 1L)
                        : Map.of("capacity-low", 2L), at.plusMillis(250), rec + "-t"));
                events.add(new StationEvent.ReadingsRecorded(i % 2 == 0 ? Map.of("laminationTemperatureC", 120.0 + i * 0.25)
                        : Map.of("dewPointC", -45.0 - i), at.plusMillis(500), rec + "-r"));
            }
            events.add(new StationEvent.SetpointChanged("laminationTemperatureC", 122.5 + n, at.plusSeconds(1)));
            out.put(id, events);
        }
        return out;
    }

    private static void record(TwinServer t, String id, List<StationEvent> events) throws Exception {
        StationEntity.Reply r = ClusterSharding.get(t.system()).entityRefFor(StationEntity.TYPE_KEY, id)
                .<StationEntity.Reply>ask(reply -> new StationEntity.RecordAll(events, reply), Duration.ofSeconds(20))
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertNull(r.rejection(), id + ": " + r.rejection());
    }

    /** The station tag of the journal folded as nodes did in their heap at start before V5. */
    private static Map<String, StationTablesTest.Folded> heapFold(TwinServer t) throws Exception {
        JdbcReadJournal journal = PersistenceQuery.get(t.system()).getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
        List<EventEnvelope> envs = journal.currentEventsByTag(StationEntity.TAG, Offset.noOffset()).runWith(Sink.seq(), t.system())
                .toCompletableFuture().get(60, TimeUnit.SECONDS);
        List<AssetProjection.Applied<StationEvent>> events = new ArrayList<>();
        for (EventEnvelope env : envs) {
            events.add(new AssetProjection.Applied<>(SliceTagSource.entityId(env.persistenceId()), env.sequenceNr(), (StationEvent) env.event()));
        }
        return StationTablesTest.heapFold(events);
    }

    /** The list and the KPIs equal what the heap fold answered (the Station JSON; the KPIs at the answer's instant). */
    private static void assertAnswersEqualTheHeapFold(TwinServer t) throws Exception {
        Map<String, StationTablesTest.Folded> fold = heapFold(t);
        assertEquals(IDS.size(), fold.size());
        TestTwin.await("the station list to hold every station event", Duration.ofSeconds(30), () -> {
            var list = TestTwin.get(t.port(), "/api/v1/stations?size=500");
            if (list.status() != 200 || list.json().get("total").asInt() != fold.size()) return false;
            for (JsonNode item : list.json().get("items")) {
                if (item.get("revision").asLong() != fold.get(item.get("id").asText()).station().revision()) return false;
            }
            return true;
        });
        var list = TestTwin.get(t.port(), "/api/v1/stations?size=500");
        assertTrue(list.contentType().startsWith("application/json"), list.contentType());
        Map<String, JsonNode> listed = new TreeMap<>();
        list.json().get("items").forEach(i -> listed.put(i.get("id").asText(), i));
        for (var e : fold.entrySet()) {
            assertEquals(tree(e.getValue().station()), listed.get(e.getKey()), e.getKey());
        }
        var kpis = TestTwin.get(t.port(), "/api/v1/plant/kpis");
        assertEquals(200, kpis.status(), kpis.body());
        Instant asOf = Instant.parse(kpis.json().get("asOf").asText());
        var layout = org.ssbtwin.config.plant.PlantLayoutLoader.loadResource(t.settings().simulation().plantLayout());
        List<LineKpis.StationInput> inputs = new ArrayList<>();
        fold.values().forEach(f -> inputs.add(new LineKpis.StationInput(f.station(), f.time(), layout.stations().stream()
                .filter(spec -> spec.id().equals(f.station().id()))
                .mapToDouble(spec -> spec.cycleTime().meanSeconds() / Math.max(1, spec.slotsPerUnit())).findFirst().orElse(0))));
        LineKpis expected = LineKpis.compute(inputs, asOf, "EOL_TEST", 0);
        assertEquals(tree(expected.stations()), kpis.json().get("stations"));
        assertEquals(tree(expected.scrapPareto()), kpis.json().get("scrapPareto"));
        assertEquals(expected.bottleneck().value(), kpis.json().get("bottleneck").asText());
    }

    /** A value as its JSON answer parses back (the same number node types as an HTTP answer). */
    private static JsonNode tree(Object value) {
        try {
            return Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void stationsAnswerFromTheTablesAcrossRestartsAndAnUpgradeFromV4() throws Exception {
        Map<String, List<StationEvent>> lives = lives();
        try (TwinServer first = start(Map.of())) {
            for (var e : lives.entrySet()) record(first, e.getKey(), e.getValue());
            assertAnswersEqualTheHeapFold(first);
        }

        try (TwinServer second = start(Map.of())) {
            var ready = TestTwin.get(second.port(), "/api/v1/ready");
            assertEquals(0, ready.json().get("eventsReplayed").asLong(), "no station event replayed at start");
            assertAnswersEqualTheHeapFold(second);
            List<StationId> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            second.directory().onSetpointChanged(c -> seen.add(c.station()));
            List<AssetDirectory.AssetChange> changes = new java.util.concurrent.CopyOnWriteArrayList<>();
            second.directory().onAssetChanged(changes::add);
            var put = TestTwin.put(second.port(), "/api/v1/stations/DK1-STK-01/setpoints/laminationTemperatureC", "{\"value\": 124.0}");
            assertEquals(200, put.status(), put.body());
            TestTwin.await("the setpoint in the list", Duration.ofSeconds(30), () -> {
                var list = TestTwin.get(second.port(), "/api/v1/stations?kind=bipolar_stacking");
                return list.status() == 200 && list.json().get("items").get(0).get("setpoints").get("laminationTemperatureC").asDouble() == 124.0;
            });
            TestTwin.await("the directory follows the station tag live", Duration.ofSeconds(10), () -> seen.contains(StationId.of("DK1-STK-01")));
            assertEquals(1, second.directory().eventsSeen(), "one live station event seen since start");
            assertAnswersEqualTheHeapFold(second);
            // the change feed's summary: the station's table row (not seen since start) folded with the live event
            TestTwin.await("the station change in the feed", Duration.ofSeconds(10), () -> !changes.isEmpty());
            AssetDirectory.AssetChange change = changes.get(0);
            assertEquals(List.of("station", "DK1-STK-01"), List.of(change.kind(), change.id()));
            assertEquals(heapFold(second).get("DK1-STK-01").station(), change.summary());
            assertEquals(heapFold(second).get("DK1-STK-01").lastSeqNr(), change.sequenceNr());
        }

        // the rows as the V4 projection left them: no first sequence number, time in state, scrap by cause or readings
        try (TwinServer quiet = start(Map.of()); Connection c = FleetFixtures.connect(quiet.settings().database()); Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            st.execute("UPDATE rs_station SET first_seq_nr = 0, observed_until = NULL, idle_ms = NULL, running_ms = NULL, starved_ms = NULL, "
                    + "blocked_ms = NULL, down_ms = NULL");
            st.execute("DELETE FROM rs_station_scrap");
            st.execute("DELETE FROM rs_station_reading");
        }
        try (TwinServer third = start(Map.of())) {
            // no new event: the projection instance folds every V4 row of its slice again from the journal as it starts
            try (Connection c = FleetFixtures.connect(third.settings().database())) {
                TestTwin.await("V4 rows folded again", Duration.ofSeconds(30), () -> {
                    try {
                        return FleetFixtures.number(c, "SELECT COUNT(*) FROM rs_station WHERE first_seq_nr = 1") == IDS.size();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                Map<String, StationTablesTest.Folded> fold = heapFold(third);
                Map<String, org.ssbtwin.plant.station.StationRow> rows = AssetTables.loadStations(c, fold.keySet());
                fold.forEach((id, f) -> {
                    assertEquals(f.station(), rows.get(id).station(), id);
                    assertEquals(f.time(), rows.get(id).time(), id);
                });
            }
            assertAnswersEqualTheHeapFold(third);
            record(third, "DK1-EOL-01", List.of(new StationEvent.ReadingsRecorded(Map.of("ocvV", 7.41), T0.plus(10, ChronoUnit.DAYS), "eol-ocv-1")));
            assertAnswersEqualTheHeapFold(third);
        }
    }

    @Test
    void withTheReadSideDisabledTheStationListAndTheKpisAnswer503() throws Exception {
        try (TwinServer off = start(Map.of("twin.read-side.enabled", false))) {
            for (String path : List.of("/api/v1/stations", "/api/v1/stations?kind=LAMINATION", "/api/v1/plant/kpis")) {
                var r = TestTwin.get(off.port(), path);
                assertEquals(503, r.status(), path + ": " + r.body());
                assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
                assertTrue(r.json().get("type").asText().endsWith("read-side-disabled"), r.body());
            }
            assertEquals(400, TestTwin.get(off.port(), "/api/v1/stations?state=exploded").status(), "bad input is still a 400");
        }
    }
}
