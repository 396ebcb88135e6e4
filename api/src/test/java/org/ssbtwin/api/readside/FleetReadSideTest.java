package org.ssbtwin.api.readside;

import org.ssbtwin.api.FleetFixtures;
import org.ssbtwin.api.TestTwin;
import org.ssbtwin.api.TwinServer;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssbtwin.fleet.readmodel.SohStats;

/**
 * A real single-node twin on H2: packs assembled through sharding, telemetry ingested over HTTP for three months,
 * and the fleet endpoints answered from the projected tables agree with what the pack entities themselves say.
 */
class FleetReadSideTest {
    @TempDir
    static Path dir;
    static TwinServer twin;
    static int port;
    static final List<FleetFixtures.PackSpec> PACKS = List.of(
            FleetFixtures.pack(1, "VF8", "HOT", "COMMUTER", 121),
            FleetFixtures.pack(2, "VF8", "HOT", "RIDE_HAIL", 127),
            FleetFixtures.pack(3, "VF9", "TEMPERATE", "COMMUTER", 118),
            FleetFixtures.pack(4, "VF9", "TEMPERATE", "COMMUTER", 122),
            FleetFixtures.pack(5, "VF8", "TEMPERATE", "RIDE_HAIL", 123));

    @BeforeAll
    static void start() throws Exception {
        twin = TestTwin.start(dir, Map.of("twin.simulation.enabled", false));
        port = twin.port();
        twin.readiness().get();
        for (int i = 0; i < PACKS.size(); i++) FleetFixtures.assembleAndInstall(twin.system(), PACKS.get(i), i + 1);
        TestTwin.await("packs in service", Duration.ofSeconds(20),
                () -> TestTwin.get(port, "/api/v1/packs?state=in_service").json().get("total").asInt() == PACKS.size());
        // January and February for all packs, March only for the first three
        for (String[] batch : new String[][] {{"2028-01-10", "5"}, {"2028-02-07", "4"}}) {
            var r = FleetFixtures.postTelemetry(port, FleetFixtures.days(PACKS, LocalDate.parse(batch[0]), Integer.parseInt(batch[1]), 120));
            assertEquals(200, r.status(), r.body());
        }
        var march = FleetFixtures.postTelemetry(port, FleetFixtures.days(PACKS.subList(0, 3), LocalDate.parse("2028-03-01"), 3, 200));
        assertEquals(200, march.status(), march.body());
        try (Connection c = FleetFixtures.connect(twin.settings().database())) {
            long journal = FleetFixtures.journalPackEvents(c);
            assertEquals(PACKS.size() * 2 + PACKS.size() * 9 + 3 * 3, journal, "assembly + installation + one event per day");
            TestTwin.await("projection caught up with the journal", Duration.ofSeconds(30), () -> {
                try {
                    return FleetFixtures.projectedEvents(c) == journal;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    @AfterAll
    static void stop() {
        if (twin != null) twin.close();
    }

    @Test
    void fleetAnswersSayHowFarTheReadSideTrailsTheJournalAndEachSliceReportsItsOffset() throws Exception {
        // caught up (start() waited for it): once measured (every 2 s), no slice is behind
        TestTwin.await("the read side's lag measured after the catch-up", Duration.ofSeconds(20), () -> {
            var r = TestTwin.get(port, "/api/v1/fleet/read-side");
            return r.status() == 200 && r.json().get("secondsBehind").asDouble() == 0.0
                    && r.json().get("slices").get(0).get("eventsBehind").asLong() + r.json().get("slices").get(1).get("eventsBehind").asLong() == 0;
        });
        var detail = TestTwin.get(port, "/api/v1/fleet/read-side").json();
        assertEquals("OK", detail.get("status").asText());
        assertEquals(2, detail.get("slices").size(), "twin.read-side.projection-instances");
        long offsets = 0;
        for (var s : detail.get("slices")) {
            assertFalse(s.get("stalled").asBoolean());
            offsets += s.get("offset").asLong();
        }
        assertTrue(offsets > 0, "the slices have projected events: " + detail);
        var summary = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/fleet/summary")).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, summary.statusCode());
        assertEquals("0.0", summary.headers().firstValue("Read-Side-Lag-Seconds").orElse(null));
        assertTrue(summary.headers().firstValue("Read-Side-Stalled").isEmpty());
    }

    /** The pack entities' own SoH (asked one by one here, to check the read side; the read side never does this). */
    static Map<String, Double> entitySoh() {
        Map<String, Double> soh = new TreeMap<>();
        for (FleetFixtures.PackSpec p : PACKS) {
            var a = TestTwin.get(port, "/api/v1/packs/" + p.id());
            assertEquals(200, a.status(), a.body());
            soh.put(p.id(), a.json().get("stateOfHealth").asDouble());
        }
        return soh;
    }

    static SohStats stats(List<Double> values) {
        return SohStats.of(values.stream().mapToDouble(Double::doubleValue).toArray(), values.size());
    }

    @Test
    void summaryMatchesThePacks() {
        Map<String, Double> soh = entitySoh();
        soh.values().forEach(v -> assertTrue(v < 1.0, "telemetry aged every pack"));
        var a = TestTwin.get(port, "/api/v1/fleet/summary");
        assertEquals(200, a.status(), a.body());
        JsonNode s = a.json();
        assertEquals(PACKS.size(), s.get("packs").asInt());
        assertEquals(PACKS.size(), s.get("byStatus").get("IN_SERVICE").asInt());
        assertEquals(3, s.get("byModel").get("VF8").asInt());
        assertEquals(2, s.get("byModel").get("VF9").asInt());
        SohStats expected = stats(new ArrayList<>(soh.values()));
        assertEquals(expected.p5(), s.get("soh").get("p5").asDouble(), 0.0);
        assertEquals(expected.p50(), s.get("soh").get("p50").asDouble(), 0.0);
        assertEquals(expected.p95(), s.get("soh").get("p95").asDouble(), 0.0);
        assertEquals(expected.mean(), s.get("soh").get("mean").asDouble(), 1e-12);
        assertEquals(expected.below80(), s.get("below80").asInt());
        assertEquals(expected.below70(), s.get("below70").asInt());
        assertTrue(s.get("asOf").asText().startsWith("20"), s.toString());
    }

    @Test
    void sohDistributionOverVirtualTime() {
        var monthly = TestTwin.get(port, "/api/v1/fleet/soh-distribution?by=month");
        assertEquals(200, monthly.status(), monthly.body());
        JsonNode points = monthly.json().get("points");
        assertEquals(3, points.size(), points.toString());
        assertEquals("2028-01", points.get(0).get("period").asText());
        assertEquals(PACKS.size(), points.get(0).get("packs").asInt());
        assertEquals("2028-02", points.get(1).get("period").asText());
        assertEquals(PACKS.size(), points.get(1).get("packs").asInt());
        assertEquals("2028-03", points.get(2).get("period").asText());
        assertEquals(3, points.get(2).get("packs").asInt());
        assertTrue(points.get(1).get("p50").asDouble() < points.get(0).get("p50").asDouble(), "the fleet ages month by month");
        // March holds the latest SoH of packs 1..3: exactly what their entities say now
        Map<String, Double> soh = entitySoh();
        SohStats march = stats(List.of(soh.get(PACKS.get(0).id()), soh.get(PACKS.get(1).id()), soh.get(PACKS.get(2).id())));
        assertEquals(march.p50(), points.get(2).get("p50").asDouble(), 0.0);
        assertEquals(march.p95(), points.get(2).get("p95").asDouble(), 0.0);

        var yearly = TestTwin.get(port, "/api/v1/fleet/soh-distribution?by=year").json().get("points");
        assertEquals(1, yearly.size());
        assertEquals("2028", yearly.get(0).get("period").asText());
        assertEquals(PACKS.size(), yearly.get(0).get("packs").asInt());
        assertEquals(stats(new ArrayList<>(soh.values())).p50(), yearly.get(0).get("p50").asDouble(), 0.0, "each pack's latest SoH of the year");
        assertEquals(3, TestTwin.get(port, "/api/v1/fleet/soh-distribution").json().get("points").size(), "month by default");
    }

    @Test
    void cohortsByEveryDimension() {
        JsonNode climate = TestTwin.get(port, "/api/v1/fleet/cohorts?by=climate").json();
        assertEquals("climate", climate.get("by").asText());
        assertEquals(2, climate.get("cohorts").size());
        assertEquals("HOT", climate.get("cohorts").get(0).get("key").asText());
        assertEquals(2, climate.get("cohorts").get(0).get("packs").asInt());
        assertEquals("TEMPERATE", climate.get("cohorts").get(1).get("key").asText());
        assertEquals(3, climate.get("cohorts").get(1).get("packs").asInt());
        Map<String, Double> soh = entitySoh();
        SohStats hot = stats(List.of(soh.get(PACKS.get(0).id()), soh.get(PACKS.get(1).id())));
        assertEquals(hot.p50(), climate.get("cohorts").get(0).get("p50").asDouble(), 0.0);

        JsonNode band = TestTwin.get(port, "/api/v1/fleet/cohorts?by=laminationBand").json().get("cohorts");
        List<String> bands = new ArrayList<>();
        band.forEach(c -> bands.add(c.get("key").asText() + "=" + c.get("packs").asInt()));
        assertEquals(List.of("115-120=1", "120-125=3", "125-130=1"), bands);
        JsonNode week = TestTwin.get(port, "/api/v1/fleet/cohorts?by=productionWeek").json().get("cohorts");
        assertEquals(1, week.size());
        assertEquals("2027-W52", week.get(0).get("key").asText(), "assembled Sunday 2 January 2028");
        assertEquals(2, TestTwin.get(port, "/api/v1/fleet/cohorts?by=vehicleModel").json().get("cohorts").size());
        assertEquals(2, TestTwin.get(port, "/api/v1/fleet/cohorts?by=archetype").json().get("cohorts").size());
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() {
        for (String path : List.of("/api/v1/fleet/cohorts?by=colour", "/api/v1/fleet/cohorts", "/api/v1/fleet/soh-distribution?by=week",
                "/api/v1/fleet/summary?by=x")) {
            var a = TestTwin.get(port, path);
            assertEquals(400, a.status(), path + " " + a.body());
            assertTrue(a.contentType().startsWith("application/problem+json"), a.contentType());
            assertEquals("by", a.json().get("errors").get(0).get("field").asText(), a.body());
        }
    }

    @Test
    void openApiFragmentDescribesTheAnswers() throws Exception {
        JsonNode spec;
        try (var in = FleetReadSideTest.class.getClassLoader().getResourceAsStream("openapi/fleet.json")) {
            assertNotNull(in, "openapi/fleet.json on the classpath");
            spec = org.ssbtwin.api.http.Json.MAPPER.readTree(in);
        }
        assertEquals(List.of("/api/v1/fleet/summary", "/api/v1/fleet/read-side", "/api/v1/fleet/soh-distribution", "/api/v1/fleet/cohorts"),
                fieldNames(spec.get("paths")));
        JsonNode schemas = spec.get("components").get("schemas");
        assertEquals(fieldNames(schemas.get("FleetSummary").get("properties")), fieldNames(TestTwin.get(port, "/api/v1/fleet/summary").json()));
        JsonNode point = TestTwin.get(port, "/api/v1/fleet/soh-distribution").json().get("points").get(0);
        assertEquals(fieldNames(schemas.get("FleetSohPoint").get("properties")), fieldNames(point));
        JsonNode cohort = TestTwin.get(port, "/api/v1/fleet/cohorts?by=archetype").json().get("cohorts").get(0);
        assertEquals(fieldNames(schemas.get("FleetCohort").get("properties")), fieldNames(cohort));
        TestTwin.await("the read side's lag measured", Duration.ofSeconds(20), () -> TestTwin.get(port, "/api/v1/fleet/read-side").status() == 200);
        JsonNode lag = TestTwin.get(port, "/api/v1/fleet/read-side").json();
        assertEquals(fieldNames(schemas.get("FleetReadSideLag").get("properties")), fieldNames(lag));
        assertEquals(fieldNames(schemas.get("FleetReadSideLag").get("properties").get("slices").get("items").get("properties")).stream().sorted().toList(),
                fieldNames(lag.get("slices").get(0)).stream().sorted().toList());
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
