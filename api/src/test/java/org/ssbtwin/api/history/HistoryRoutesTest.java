package org.ssbtwin.api.history;

import org.ssbtwin.api.Seed;
import org.ssbtwin.api.TestTwin;
import org.ssbtwin.api.TwinServer;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssbtwin.api.http.Json;
import org.ssbtwin.core.id.StationId;
import org.ssbtwin.plant.station.Station;
import org.ssbtwin.plant.station.StationEvent;
import org.ssbtwin.plant.station.StationState;

/**
 * An asset's past from the journal and snapshots (snapshot every 5 events here): state at revision N equals the fold
 * of its first N events, state at a virtual time, event paging, 404/400.
 */
class HistoryRoutesTest {
    @TempDir
    static Path dir;
    static TwinServer twin;
    static int port;
    static final Instant T0 = Instant.parse("2028-01-02T00:00:00Z");
    static final String STATION = "DK1-LAM-01";
    static final List<StationEvent> EVENTS = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        twin = TestTwin.start(dir, Map.of("twin.simulation.enabled", false, "twin.persistence.snapshot-every", 5));
        port = twin.port();
        twin.readiness().get();
        Seed seed = new Seed(twin);
        EVENTS.add(new StationEvent.Commissioned(StationId.of(STATION), "LAMINATION", 4, Map.of("laminationTemperatureC", 120.0), T0));
        for (int i = 1; i < 12; i++) {
            Instant at = T0.plus(Duration.ofMinutes(i));
            EVENTS.add(switch (i % 3) {
                case 0 -> new StationEvent.StateChanged(i % 2 == 0 ? StationState.DOWN : StationState.RUNNING, "step " + i, at);
                case 1 -> new StationEvent.ReadingsRecorded(Map.of("laminationTemperatureC", 120.0 + i), at);
                default -> new StationEvent.ThroughputRecorded(10 * i, 9 * i, Map.of("delamination", (long) i), at);
            });
        }
        for (StationEvent e : EVENTS) seed.station(STATION, e);
        seed.pack("P-DK1-000001", "VF8", "VF8-000001", "OSLO", T0);
        seed.usage("P-DK1-000001", "u1", T0.plus(Duration.ofDays(1)), 0.99);
        seed.usage("P-DK1-000001", "u2", T0.plus(Duration.ofDays(2)), 0.98);
    }

    @AfterAll
    static void stop() {
        if (twin != null) twin.close();
    }

    static JsonNode fold(int n) {
        Station s = Station.unknown(StationId.of(STATION));
        for (int i = 0; i < n; i++) s = s.apply(EVENTS.get(i));
        return tree(s);
    }

    /** JSON as it comes over HTTP (numbers re-parsed the same way on both sides). */
    static JsonNode tree(Object o) {
        try {
            return Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(o));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void stateAtRevisionEqualsTheFoldOfItsFirstEvents() {
        for (int n : new int[]{1, 3, 5, 7, 11, 12}) {
            var r = TestTwin.get(port, "/api/v1/stations/" + STATION + "/at?revision=" + n);
            assertEquals(200, r.status(), r.body());
            assertEquals(fold(n), r.json().get("state"), "revision " + n);
            assertEquals(n, r.json().get("revision").asInt());
            assertEquals(12, r.json().get("currentRevision").asInt());
            assertEquals("station", r.json().get("kind").asText());
        }
        // snapshots every 5 events (the newest two kept: 5 and 10): revision 7 starts from 5 and folds 2 events
        TestTwin.await("snapshot 5 used for revision 7", Duration.ofSeconds(10), () ->
                TestTwin.get(port, "/api/v1/stations/" + STATION + "/at?revision=7").json().path("fromSnapshot").asInt() == 5);
        var r7 = TestTwin.get(port, "/api/v1/stations/" + STATION + "/at?revision=7").json();
        assertEquals(2, r7.get("eventsFolded").asInt());
        var r3 = TestTwin.get(port, "/api/v1/stations/" + STATION + "/at?revision=3").json();
        assertTrue(r3.get("fromSnapshot").isNull());
        assertEquals(3, r3.get("eventsFolded").asInt());
        assertEquals(TestTwin.get(port, "/api/v1/stations/" + STATION).json(),
                TestTwin.get(port, "/api/v1/stations/" + STATION + "/at?revision=12").json().get("state"), "the last revision is now");
    }

    @Test
    void stateAtAVirtualTime() {
        var r = TestTwin.get(port, "/api/v1/stations/" + STATION + "/at?time=2028-01-02T00:06:30Z");
        assertEquals(200, r.status(), r.body());
        assertEquals(7, r.json().get("revision").asInt(), "events at minutes 0..6");
        assertEquals(fold(7), r.json().get("state"));
        assertEquals("2028-01-02T00:06:30Z", r.json().get("time").asText());
        assertEquals(fold(12), TestTwin.get(port, "/api/v1/stations/" + STATION + "/at?time=2030-01-01T00:00:00Z").json().get("state"));
        var before = TestTwin.get(port, "/api/v1/stations/" + STATION + "/at?time=2027-01-01T00:00:00Z");
        assertEquals(404, before.status(), before.body());

        var pack = TestTwin.get(port, "/api/v1/packs/P-DK1-000001/at?time=2028-01-03T12:00:00Z");
        assertEquals(200, pack.status(), pack.body());
        assertEquals(3, pack.json().get("revision").asInt(), "assembled, installed, first day of use");
        assertEquals(0.99, pack.json().get("state").get("stateOfHealth").asDouble(), 1e-12);
        assertEquals(0.98, TestTwin.get(port, "/api/v1/packs/P-DK1-000001/at?revision=4").json().get("state").get("stateOfHealth").asDouble(), 1e-12);
    }

    @Test
    void eventHistoryIsPaged() {
        var p1 = TestTwin.get(port, "/api/v1/stations/" + STATION + "/events?page=1&size=5");
        assertEquals(200, p1.status(), p1.body());
        assertEquals(12, p1.json().get("total").asInt());
        List<Integer> revs = new ArrayList<>();
        p1.json().get("items").forEach(i -> revs.add(i.get("revision").asInt()));
        assertEquals(List.of(6, 7, 8, 9, 10), revs);
        JsonNode first = p1.json().get("items").get(0);
        var expected = (com.fasterxml.jackson.databind.node.ObjectNode) tree(EVENTS.get(5));
        assertEquals("station-throughput-recorded", first.get("type").asText());
        expected.remove("type");
        assertEquals(expected, first.get("event"));
        assertEquals("2028-01-02T00:05:00Z", first.get("at").asText());
        var last = TestTwin.get(port, "/api/v1/stations/" + STATION + "/events?page=2&size=5").json();
        assertEquals(2, last.get("items").size());
        assertEquals("station-commissioned", TestTwin.get(port, "/api/v1/stations/" + STATION + "/events?size=1").json()
                .get("items").get(0).get("type").asText());
        assertEquals(0, TestTwin.get(port, "/api/v1/stations/" + STATION + "/events?page=9").json().get("items").size());
        var packEvents = TestTwin.get(port, "/api/v1/packs/P-DK1-000001/events").json();
        assertEquals(4, packEvents.get("total").asInt());
        assertEquals("pack-usage-recorded", packEvents.get("items").get(3).get("type").asText());
        // the SoH history route of packs still answers next to these
        assertEquals(200, TestTwin.get(port, "/api/v1/packs/P-DK1-000001/history").status());
    }

    @Test
    void unknownAssetsAre404AndBadParameters400() {
        assertEquals(404, TestTwin.get(port, "/api/v1/packs/P-DK1-999999/events").status());
        assertEquals(404, TestTwin.get(port, "/api/v1/cells/C-DK1-00000077/at?revision=1").status());
        assertEquals(404, TestTwin.get(port, "/api/v1/stations/DK1-LAM-09/at?time=2028-01-02T00:00:00Z").status());
        for (String q : List.of("revision=0", "revision=13", "revision=x", "time=yesterday", "time=2028-01-02T00:00:00Z&revision=2", "", "colour=red")) {
            var r = TestTwin.get(port, "/api/v1/stations/" + STATION + "/at" + (q.isEmpty() ? "" : "?" + q));
            assertEquals(400, r.status(), q + ": " + r.body());
            assertTrue(r.contentType().startsWith("application/problem+json"), q);
            assertTrue(r.json().has("errors"), q + ": " + r.body());
        }
        assertEquals(400, TestTwin.get(port, "/api/v1/stations/" + STATION + "/events?size=0").status());
        assertEquals(400, TestTwin.get(port, "/api/v1/stations/not-an-id/events").status());
    }
}
