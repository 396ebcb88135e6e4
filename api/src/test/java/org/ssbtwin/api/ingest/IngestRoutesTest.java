package org.ssbtwin.api.ingest;

import org.ssbtwin.api.TestTwin;
import org.ssbtwin.api.TwinServer;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssbtwin.plant.cell.CellEvent;
import org.ssbtwin.plant.cell.InlayRecord;
import org.ssbtwin.core.id.*;
import org.ssbtwin.fleet.pack.PackEvent;
import org.ssbtwin.core.quality.ManufacturingFactors;
import org.ssbtwin.plant.station.StationEvent;
import org.ssbtwin.fleet.entity.PackEntity;
import org.ssbtwin.plant.entity.CellEntity;
import org.ssbtwin.plant.entity.StationEntity;

/** Telemetry (NDJSON) and MES ingestion over HTTP against a real node: validation, idempotency, all-or-nothing. */
class IngestRoutesTest {
    @TempDir
    static Path dir;
    static TwinServer twin;
    static int port;
    static final Instant T0 = Instant.parse("2028-01-02T00:00:00Z");
    static final PackId PACK = PackId.of("P-DK1-000001");

    @BeforeAll
    static void start() throws Exception {
        twin = TestTwin.start(dir, Map.of("twin.simulation.enabled", false));
        port = twin.port();
        twin.readiness().get();
        ClusterSharding sharding = ClusterSharding.get(twin.system());
        Duration t = Duration.ofSeconds(10);
        StationId lam = StationId.of("DK1-LAM-01");
        assertNull(sharding.entityRefFor(StationEntity.TYPE_KEY, lam.value()).<StationEntity.Reply>ask(r -> new StationEntity.Record(
                new StationEvent.Commissioned(lam, "LAMINATION", 4, Map.of(), T0), r), t).toCompletableFuture().get().rejection());
        CellId cell = CellId.of("C-DK1-00000001");
        var inlay = new InlayRecord(InlayId.of("I-DK1-00000001"), List.of(RollId.of("R-CAT-000001")), lam, T0, 120, -45, 10.6, 2.2);
        assertNull(sharding.entityRefFor(CellEntity.TYPE_KEY, cell.value()).<CellEntity.Reply>ask(r -> new CellEntity.Record(
                new CellEvent.InlaysLaminated(cell, List.of(inlay), T0), r), t).toCompletableFuture().get().rejection());
        List<CellId> cells = new ArrayList<>();
        for (int i = 0; i < 112; i++) cells.add(CellId.of(String.format("C-DK1-%08d", i + 1)));
        var factors = java.util.Collections.nCopies(112, ManufacturingFactors.NOMINAL);
        assertNull(sharding.entityRefFor(PackEntity.TYPE_KEY, PACK.value()).<PackEntity.Reply>ask(r -> new PackEntity.RecordAll(List.of(
                new PackEvent.Assembled(PACK, "VF8", cells, factors, 87.7, T0),
                new PackEvent.Installed(VehicleId.of("VF8-000001"), "HO_CHI_MINH_CITY", "COMMUTER", T0)), r), t).toCompletableFuture().get().rejection());
        TestTwin.await("read side sees the pack and the station", Duration.ofSeconds(20),
                () -> TestTwin.get(port, "/api/v1/packs?state=in_service").json().get("total").asInt() == 1
                        && TestTwin.get(port, "/api/v1/stations").json().get("total").asInt() == 1
                        && TestTwin.get(port, "/api/v1/cells").json().get("total").asInt() == 1);
    }

    @AfterAll
    static void stop() {
        if (twin != null) twin.close();
    }

    static String day(String id, String pack, String date, double km) {
        return String.format(java.util.Locale.ROOT,
                "{\"recordId\":\"%s\",\"packId\":\"%s\",\"date\":\"%s\",\"km\":%.1f,\"dischargeKWh\":%.2f,\"minSoc\":0.3,\"maxSoc\":0.8,\"meanCellTempC\":31,\"dcFastChargeKWh\":10}",
                id, pack, date, km, km * 0.24);
    }

    static TestTwin.Answer post(String path, String body) {
        return TestTwin.send(port, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                // each route's declared type: a body of another type is refused with 415 (issue 19.4)
                .header("Content-Type", path.contains("telemetry") ? "application/x-ndjson" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    double soh() {
        return TestTwin.get(port, "/api/v1/packs/" + PACK).json().get("stateOfHealth").asDouble();
    }

    @Test
    void telemetryIsValidatedIdempotentAndAllOrNothing() {
        StringBuilder week = new StringBuilder();
        for (int d = 1; d <= 7; d++) week.append(day("w1-" + d, PACK.value(), "2028-01-0" + (d + 1), 80)).append('\n');
        var ok = post("/api/v1/telemetry", week.toString());
        assertEquals(200, ok.status(), ok.body());
        assertEquals(7, ok.json().get("records").asInt());
        double after = soh();
        assertTrue(after < 1.0, "a week of use ages the pack");

        var again = post("/api/v1/telemetry", week.toString());
        assertEquals(200, again.status(), again.body());
        assertEquals(after, soh(), 0.0, "re-sent records change nothing");

        String bad = day("b1", PACK.value(), "2028-01-10", 80) + "\n"
                + "{\"recordId\":\"b2\",\"packId\":\"P-DK1-000001\",\"date\":\"2028-13-01\",\"km\":-5,\"minSoc\":0.9,\"maxSoc\":0.8,\"meanCellTempC\":20,\"dischargeKWh\":1}\n"
                + "not json\n"
                + "{\"recordId\":\"b4\",\"packId\":\"P-DK1-000001\",\"date\":\"2028-01-12\",\"km\":10,\"dischargeKWh\":1,\"minSoc\":0.2,\"maxSoc\":0.8,\"meanCellTempC\":20,\"colour\":\"red\"}\n";
        var refused = post("/api/v1/telemetry", bad);
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.contentType().startsWith("application/problem+json"));
        var fields = new ArrayList<String>();
        refused.json().get("errors").forEach(e -> fields.add(e.get("line").asInt() + ":" + e.get("field").asText()));
        assertTrue(fields.containsAll(List.of("2:date", "2:km", "2:minSoc", "3:line", "4:colour")), fields.toString());
        assertFalse(fields.stream().anyMatch(f -> f.startsWith("1:")), "line 1 is valid: " + fields);
        assertEquals(after, soh(), 0.0, "nothing of a refused batch is recorded");

        var backwards = post("/api/v1/telemetry", day("old", PACK.value(), "2028-01-03", 50));
        assertEquals(409, backwards.status(), backwards.body());
        var unknown = post("/api/v1/telemetry", day("u", "P-DK1-999999", "2028-01-20", 50));
        assertEquals(400, unknown.status(), unknown.body());
        assertEquals(400, post("/api/v1/telemetry", "").status());

        var health = TestTwin.get(port, "/api/v1/packs/" + PACK + "/health");
        assertEquals(200, health.status(), health.body());
        assertEquals(7, health.json().get("daysInService").asInt(), "seven days of telemetry since installation");
        assertTrue(health.json().get("warranty").get("covered").asBoolean());
        assertFalse(health.json().get("projection").get("date80").isNull(), health.body());
        // identical nominal cells: the first is the one that limits the pack, named so its genealogy can be followed
        assertEquals("C-DK1-00000001", health.json().get("weakestCellId").asText(), health.body());
        var history = TestTwin.get(port, "/api/v1/packs/" + PACK + "/history?size=5");
        assertEquals(200, history.status());
        assertTrue(history.json().get("total").asInt() >= 2);
        assertEquals(1.0, history.json().get("items").get(0).get("stateOfHealth").asDouble(), "the history starts new, at assembly");
    }

    @Test
    void mesBatchIsRecordedOrRefusedWhole() {
        String good = """
                {"records": [
                  {"recordId": "m1", "type": "reading", "station": "DK1-LAM-01", "at": "2028-01-02T01:00:00Z", "readings": {"laminationTemperatureC": 122.5}},
                  {"recordId": "m2", "type": "cell-passed", "station": "DK1-LAM-01", "cell": "C-DK1-00000001", "at": "2028-01-02T01:05:00Z", "step": "re-inspection", "result": "pass", "measurements": {"peelStrengthN": 4.1}}
                ]}""";
        var ok = post("/api/v1/plant/mes-records", good);
        assertEquals(200, ok.status(), ok.body());
        assertEquals(122.5, TestTwin.get(port, "/api/v1/stations/DK1-LAM-01").json().get("readings").get("laminationTemperatureC").asDouble());
        var steps = TestTwin.get(port, "/api/v1/cells/C-DK1-00000001/genealogy").json().get("steps");
        assertEquals("re-inspection", steps.get(steps.size() - 1).get("step").asText());

        String bad = """
                {"records": [
                  {"recordId": "m3", "type": "reading", "station": "DK1-LAM-01", "at": "2028-01-02T02:00:00Z", "readings": {"laminationTemperatureC": 119.0}},
                  {"recordId": "m4", "type": "reading", "station": "DK1-LAM-01", "at": "2028-01-02T00:30:00Z", "readings": {"laminationTemperatureC": 119.0}},
                  {"recordId": "m5", "type": "reading", "station": "DK1-ZZZ-07", "at": "2028-01-02T03:00:00Z", "readings": {"dewPointC": -44}},
                  {"recordId": "m6", "type": "reading", "station": "DK1-LAM-01", "at": "2028-01-02T03:00:00Z", "readings": {"dewPointC": 15}}
                ]}""";
        var refused = post("/api/v1/plant/mes-records", bad);
        assertEquals(400, refused.status(), refused.body());
        var ids = new ArrayList<String>();
        refused.json().get("errors").forEach(e -> ids.add(e.get("recordId").asText() + ":" + e.get("field").asText()));
        assertEquals(List.of("m4:at", "m5:station", "m6:readings.dewPointC"), ids);
        assertEquals(122.5, TestTwin.get(port, "/api/v1/stations/DK1-LAM-01").json().get("readings").get("laminationTemperatureC").asDouble(),
                "the valid record m3 of the refused batch was not applied");
        var unknownField = post("/api/v1/plant/mes-records", "{\"records\": [], \"extra\": 1}");
        assertEquals(400, unknownField.status());
        assertEquals("extra", unknownField.json().get("errors").get(0).get("field").asText());
    }

    @Test
    void anMesBatchNamingTooManyAssetsIsRefusedBeforeAnyIsRead() {
        StringBuilder body = new StringBuilder("{\"records\": [");
        int perRecord = org.ssbtwin.feed.mes.MesBatchValidator.MAX_CELLS;
        int recordsNeeded = org.ssbtwin.feed.mes.MesBatchValidator.MAX_ASSETS / perRecord + 1;
        for (int r = 0; r < recordsNeeded; r++) {
            if (r > 0) body.append(',');
            body.append("{\"recordId\": \"s-").append(r).append("\", \"type\": \"cells-shipped\", \"at\": \"2028-01-05T00:00:00Z\", ")
                    .append("\"lot\": \"L-").append(r).append("\", \"origin\": \"DK1\", \"destination\": \"MAB\", \"cells\": [");
            for (int c = 0; c < perRecord; c++) {
                if (c > 0) body.append(',');
                body.append(String.format("\"C-DK1-%08d\"", 50_000_000 + r * perRecord + c));
            }
            body.append("]}");
        }
        var refused = post("/api/v1/plant/mes-records", body.append("]}").toString());
        assertEquals(400, refused.status(), refused.body());
        assertEquals("records", refused.json().get("errors").get(0).get("field").asText(), refused.body());
    }
}
