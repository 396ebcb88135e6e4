package org.ssbtwin.api.rest;

import org.ssbtwin.api.TestTwin;
import org.ssbtwin.api.TwinServer;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
import org.ssbtwin.plant.station.StationState;
import org.ssbtwin.fleet.entity.PackEntity;
import org.ssbtwin.plant.entity.CellEntity;
import org.ssbtwin.plant.entity.StationEntity;

/** The REST routes against a real node (H2, sharding, read side), fed directly through the entities. */
class ApiRoutesTest {
    @TempDir
    static Path dir;
    static TwinServer twin;
    static int port;
    static final Instant T0 = Instant.parse("2028-01-03T06:00:00Z");

    @BeforeAll
    static void start() throws Exception {
        twin = TestTwin.start(dir, Map.of("twin.simulation.enabled", false));
        port = twin.port();
        twin.readiness().get();
        ClusterSharding sharding = ClusterSharding.get(twin.system());
        Duration t = Duration.ofSeconds(10);
        StationId lam = StationId.of("DK1-LAM-01");
        StationId stk = StationId.of("DK1-STK-01");
        assertNull(sharding.entityRefFor(StationEntity.TYPE_KEY, lam.value()).<StationEntity.Reply>ask(r -> new StationEntity.RecordAll(List.of(
                new StationEvent.Commissioned(lam, "LAMINATION", 4, Map.of("laminationTemperatureC", 120.0), T0),
                new StationEvent.StateChanged(StationState.RUNNING, "shift start", T0)), r), t).toCompletableFuture().get().rejection());
        assertNull(sharding.entityRefFor(StationEntity.TYPE_KEY, stk.value()).<StationEntity.Reply>ask(r -> new StationEntity.RecordAll(List.of(
                new StationEvent.Commissioned(stk, "BIPOLAR_STACKING", 2, Map.of(), T0),
                new StationEvent.StateChanged(StationState.DOWN, "breakdown", T0.plusSeconds(5))), r), t).toCompletableFuture().get().rejection());
        CellId cell = CellId.of("C-DK1-00000001");
        PackId pack = PackId.of("P-DK1-000001");
        VehicleId vin = VehicleId.of("VF8-000001");
        var inlay = new InlayRecord(InlayId.of("I-DK1-00000001"), List.of(RollId.of("R-CAT-000001")), StationId.of("DK1-LAM-01"),
                T0, 123.5, -47, 10.6, 2.2);
        var factors = new ManufacturingFactors(1.05, 0.0, 0.0, 123.5, -47);
        assertNull(sharding.entityRefFor(CellEntity.TYPE_KEY, cell.value()).<CellEntity.Reply>ask(r -> new CellEntity.RecordAll(List.of(
                new CellEvent.InlaysLaminated(cell, List.of(inlay), T0),
                new CellEvent.StationPassed(stk, "bipolar-stacking", "pass", Map.of("misalignmentMm", 0.05), T0.plusSeconds(60)),
                new CellEvent.Graded("A", 106, 4.2, 1.1, factors, T0.plusSeconds(120)),
                new CellEvent.Packed(pack, 0, T0.plusSeconds(180)),
                new CellEvent.Installed(vin, T0.plusSeconds(240))), r), t).toCompletableFuture().get().rejection());
        assertNull(sharding.entityRefFor(PackEntity.TYPE_KEY, pack.value()).<PackEntity.Reply>ask(r -> new PackEntity.RecordAll(List.of(
                new PackEvent.Assembled(pack, "VF8", List.of(cell), List.of(factors), 87.7, T0.plusSeconds(180)),
                new PackEvent.Installed(vin, "HO_CHI_MINH_CITY", "RIDE_HAILING_TAXI", T0.plusSeconds(240)),
                new PackEvent.UsageRecorded("d-1", "telemetry", T0.plusSeconds(240), T0.plusSeconds(86_640), 210, 50, 0.6, 30, 0.4,
                        0.78, 1.3, null, null, T0.plusSeconds(86_640))), r), t).toCompletableFuture().get().rejection());
        TestTwin.await("read side to see the pack", Duration.ofSeconds(20),
                () -> TestTwin.get(port, "/api/v1/packs").json().get("total").asInt() == 1
                        && TestTwin.get(port, "/api/v1/stations").json().get("total").asInt() == 2);
    }

    @AfterAll
    static void stop() {
        if (twin != null) twin.close();
    }

    @Test
    void designsListTheCellAndEveryPackArchitecture() {
        var a = TestTwin.get(port, "/api/v1/designs");
        assertEquals(200, a.status(), a.body());
        var cell = a.json().get("cell");
        assertEquals(2, cell.get("inlaysPerCell").asInt());
        assertEquals(7.4, cell.get("nominalVoltageV").asDouble(), 1e-9);
        assertEquals(392.2, cell.get("energyWh").asDouble(), 1e-9);
        var packs = a.json().get("packs");
        assertEquals(org.ssbtwin.fleet.design.DesignCatalogue.bundled().packs().size(), packs.size());
        for (var p : packs) {
            int cells = p.get("cells").asInt();
            assertEquals(p.get("series").asInt() * p.get("parallel").asInt(), cells, p.toString());
            assertEquals(cells * 0.3922, p.get("energyKWh").asDouble(), 0.001, p.toString());
            assertEquals(p.get("parallel").asInt() * 53.0, p.get("ampHours").asDouble(), 1e-9, p.toString());
            assertTrue(Math.abs(p.get("energyKWh").asDouble() / p.get("publishedKWh").asDouble() - 1) <= 0.02, p.toString());
        }
        assertEquals("VF8", packs.get(4).get("id").asText());
        assertEquals(224, packs.get(4).get("cells").asInt());
        assertEquals(414.4, packs.get(4).get("nominalVoltageV").asDouble(), 1e-9);
        var post = TestTwin.send(port, java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/designs"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(405, post.status(), post.body());
        assertTrue(post.contentType().startsWith("application/problem+json"), post.contentType());
    }

    @Test
    void healthAndReadiness() {
        assertEquals("UP", TestTwin.get(port, "/api/v1/health").json().get("status").asText());
        var ready = TestTwin.get(port, "/api/v1/ready");
        assertEquals(200, ready.status());
        assertEquals("READY", ready.json().get("status").asText());
    }

    @Test
    void getsAStationAndFiltersTheList() {
        var s = TestTwin.get(port, "/api/v1/stations/DK1-LAM-01");
        assertEquals(200, s.status());
        assertEquals("LAMINATION", s.json().get("kind").asText());
        assertEquals(120.0, s.json().get("setpoints").get("laminationTemperatureC").asDouble());
        var down = TestTwin.get(port, "/api/v1/stations?state=down");
        assertEquals(1, down.json().get("total").asInt());
        assertEquals("DK1-STK-01", down.json().get("items").get(0).get("id").asText());
        assertEquals(1, TestTwin.get(port, "/api/v1/stations?kind=LAMINATION").json().get("total").asInt());
        var paged = TestTwin.get(port, "/api/v1/stations?size=1&page=1");
        assertEquals(1, paged.json().get("items").size());
        assertEquals(2, paged.json().get("total").asInt());
    }

    @Test
    void getsACellWithItsGenealogy() {
        var g = TestTwin.get(port, "/api/v1/cells/C-DK1-00000001/genealogy");
        assertEquals(200, g.status(), g.body());
        assertEquals("DK1-LAM-01", g.json().get("inlays").get(0).get("laminationUnit").asText());
        assertEquals(123.5, g.json().get("inlays").get(0).get("laminationTemperatureC").asDouble());
        assertEquals(-47, g.json().get("inlays").get(0).get("dewPointC").asDouble());
        assertEquals("P-DK1-000001", g.json().get("packId").asText());
        assertEquals("VF8-000001", g.json().get("vehicleId").asText());
        assertEquals(1.05, g.json().get("manufacturingFactors").get("interfaceResistanceFactor").asDouble());
        var steps = g.json().get("steps");
        assertEquals("lamination", steps.get(0).get("step").asText());
        assertEquals("installation", steps.get(steps.size() - 1).get("step").asText());
        var cell = TestTwin.get(port, "/api/v1/cells/C-DK1-00000001");
        assertEquals("IN_FIELD", cell.json().get("status").asText());
        assertEquals(1, TestTwin.get(port, "/api/v1/cells?status=in_field").json().get("total").asInt());
    }

    @Test
    void getsAPackDirectlyAndThroughItsVehicle() {
        var p = TestTwin.get(port, "/api/v1/packs/P-DK1-000001");
        assertEquals(200, p.status());
        assertEquals(0.78, p.json().get("stateOfHealth").asDouble(), 1e-12);
        assertEquals(210, p.json().get("km").asDouble(), 1e-12);
        var v = TestTwin.get(port, "/api/v1/vehicles/VF8-000001/pack");
        assertEquals("P-DK1-000001", v.json().get("id").asText());
        assertEquals(1, TestTwin.get(port, "/api/v1/packs?sohBelow=0.8").json().get("total").asInt());
        assertEquals(0, TestTwin.get(port, "/api/v1/packs?sohBelow=0.7").json().get("total").asInt());
        assertEquals(1, TestTwin.get(port, "/api/v1/packs?state=in_service&climate=HO_CHI_MINH_CITY").json().get("total").asInt());
    }

    @Test
    void setpointChangeIsPersistedAndValidated() {
        var ok = TestTwin.put(port, "/api/v1/stations/DK1-LAM-01/setpoints/laminationTemperatureC", "{\"value\": 126.5}");
        assertEquals(200, ok.status(), ok.body());
        assertEquals(126.5, ok.json().get("setpoints").get("laminationTemperatureC").asDouble());
        var absurd = TestTwin.put(port, "/api/v1/stations/DK1-LAM-01/setpoints/laminationTemperatureC", "{\"value\": 5000}");
        assertProblem(absurd, 400, "value");
        var unknown = TestTwin.put(port, "/api/v1/stations/DK1-LAM-01/setpoints/colour", "{\"value\": 1}");
        assertProblem(unknown, 400, "name");
        var notJson = TestTwin.put(port, "/api/v1/stations/DK1-LAM-01/setpoints/laminationTemperatureC", "{value:");
        assertProblem(notJson, 400, "body");
        var text = TestTwin.put(port, "/api/v1/stations/DK1-LAM-01/setpoints/laminationTemperatureC", "{\"value\": \"hot\"}");
        assertProblem(text, 400, "value");
        var missing = TestTwin.put(port, "/api/v1/stations/DK1-XYZ-09/setpoints/laminationTemperatureC", "{\"value\": 120}");
        assertEquals(404, missing.status());
    }

    @Test
    void badInputIsA4xxProblemNeverA500() {
        assertProblem(TestTwin.get(port, "/api/v1/cells/not-a-cell"), 400, "cellId");
        assertProblem(TestTwin.get(port, "/api/v1/packs/P-1"), 400, "packId");
        assertProblem(TestTwin.get(port, "/api/v1/stations?size=0"), 400, "size");
        assertProblem(TestTwin.get(port, "/api/v1/stations?page=-1"), 400, "page");
        assertProblem(TestTwin.get(port, "/api/v1/stations?state=exploded"), 400, "state");
        assertProblem(TestTwin.get(port, "/api/v1/packs?sohBelow=x"), 400, "sohBelow");
        assertProblem(TestTwin.get(port, "/api/v1/packs?colour=red"), 400, "colour");
        assertEquals(404, TestTwin.get(port, "/api/v1/cells/C-DK1-99999999").status());
        assertEquals(404, TestTwin.get(port, "/api/v1/vehicles/VF3-999999/pack").status());
        assertEquals(404, TestTwin.get(port, "/api/v1/nothing-here").status());
        var wrongMethod = TestTwin.send(port, java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/health"))
                .DELETE());
        assertEquals(405, wrongMethod.status());
        assertTrue(wrongMethod.contentType().startsWith("application/problem+json"));
    }

    static void assertProblem(TestTwin.Answer a, int status, String field) {
        assertEquals(status, a.status(), a.body());
        assertTrue(a.contentType().startsWith("application/problem+json"), a.contentType());
        assertEquals(status, a.json().get("status").asInt());
        assertTrue(a.json().get("type").asText().startsWith("/problems/"));
        assertFalse(a.json().get("detail").asText().isBlank());
        if (field != null) {
            assertEquals(field, a.json().get("errors").get(0).get("field").asText(), a.body());
        }
    }
}
