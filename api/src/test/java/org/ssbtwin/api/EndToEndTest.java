package org.ssbtwin.api;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default end to end: a node with its simulated Dunkirk line and fleet, driven only over HTTP. A cell
 * made by the line is followed from lamination to the vehicle, and its pack ages from the vehicle's telemetry.
 */
class EndToEndTest {
    @TempDir
    Path dir;

    @Test
    void aCellFromLaminationToTheCar() {
        // one virtual day per 2.4 wall seconds
        try (TwinServer twin = TestTwin.start(dir, Map.of("twin.clock.speed-up", 36_000, "twin.simulation.tick-millis", 200))) {
            int port = twin.port();
            TestTwin.await("ready", Duration.ofSeconds(60), () -> TestTwin.get(port, "/api/v1/ready").status() == 200);
            TestTwin.await("a pack in service with telemetry", Duration.ofSeconds(120), () ->
                    TestTwin.get(port, "/api/v1/packs?state=in_service&sohBelow=1.0").json().get("total").asInt() > 0);

            JsonNode pack = TestTwin.get(port, "/api/v1/packs?state=in_service&sohBelow=1.0&size=1").json().get("items").get(0);
            String packId = pack.get("id").asText();
            JsonNode full = TestTwin.get(port, "/api/v1/packs/" + packId).json();
            assertTrue(full.get("km").asDouble() > 0, "the vehicle has driven");
            String cellId = full.get("cells").get(0).asText();

            var genealogy = TestTwin.get(port, "/api/v1/cells/" + cellId + "/genealogy");
            assertEquals(200, genealogy.status(), genealogy.body());
            JsonNode g = genealogy.json();
            JsonNode inlay = g.get("inlays").get(0);
            assertTrue(inlay.get("laminationUnit").asText().startsWith("DK1-LAM-01"));
            assertTrue(inlay.get("laminationTemperatureC").asDouble() > 100 && inlay.get("laminationTemperatureC").asDouble() < 140);
            assertTrue(inlay.get("dewPointC").asDouble() < -30);
            assertEquals(3, inlay.get("rolls").size());
            List<String> steps = new ArrayList<>();
            g.get("steps").forEach(s -> steps.add(s.get("step").asText()));
            assertTrue(steps.containsAll(List.of("lamination", "bipolar-stacking", "formation-ageing", "eol-test", "grading",
                    "pack-assembly", "installation")), steps.toString());
            // Dunkirk ships the graded cell in its pack's lot to the VinFast joint venture, which assembles the pack
            assertTrue(steps.indexOf("grading") < steps.indexOf("shipment") && steps.indexOf("shipment") < steps.indexOf("pack-assembly"),
                    steps.toString());
            JsonNode shipment = g.get("steps").get(steps.indexOf("shipment"));
            assertEquals("L-" + packId.substring(2), shipment.get("station").asText());
            assertTrue(shipment.get("result").asText().contains("Vietnam"), shipment.toString());
            assertEquals(full.get("cells").size() * 0.3922, full.get("nominalCapacityKwh").asDouble(), 1e-6,
                    "the pack's energy is the sum of its cells'");
            assertEquals(packId, g.get("packId").asText());
            String vehicle = g.get("vehicleId").asText();
            assertEquals(packId, TestTwin.get(port, "/api/v1/vehicles/" + vehicle + "/pack").json().get("id").asText());
            assertEquals(inlay.get("laminationTemperatureC").asDouble(),
                    g.get("manufacturingFactors").get("laminationTemperatureC").asDouble(), 15.0,
                    "the factors that age the cell in the car come from its lamination");

            var health = TestTwin.get(port, "/api/v1/packs/" + packId + "/health").json();
            assertTrue(health.get("daysInService").asInt() >= 7);
            assertTrue(health.get("warranty").get("covered").asBoolean());
            var lam = TestTwin.get(port, "/api/v1/stations/DK1-LAM-01").json();
            assertTrue(lam.get("unitsOut").asLong() > 0);
            assertTrue(lam.get("readings").has("laminationTemperatureC"));
            var kpis = TestTwin.get(port, "/api/v1/plant/kpis").json();
            assertTrue(kpis.get("cellsPerDay").asDouble() > 0, kpis.toString());
            assertFalse(kpis.get("bottleneck").isNull());
            assertEquals(10, kpis.get("stations").size());
            assertTrue(kpis.get("firstPassYield").asDouble() > 0.5 && kpis.get("firstPassYield").asDouble() <= 1);
            assertEquals(0, twin.simulation().rejected(), "the entities accepted every simulated fact");
        }
    }
}
