package org.ssbtwin.api;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default end to end: a node with its simulated Dunkirk demo line and fleet (real VF 7 packs of 192
 * cells, a simulated history caught up at start), driven only over HTTP. A cell in a pack in a car is followed from
 * lamination through stacking, formation, EOL test and its shipment to the Vietnam joint venture, into its pack and
 * the car; the pack lists the cell, the car has the pack, and the pack stores its cells' energy, that of the VF 7
 * design within 2 % of VinFast's published figure.
 */
class EndToEndTest {
    @TempDir
    Path dir;

    @Test
    void aCellFromLaminationToTheCar() {
        // the default configuration with a shorter history (90 days: the first packs are in cars after ~40)
        try (TwinServer twin = TestTwin.start(dir, Map.of("twin.simulation.history-days", 90))) {
            int port = twin.port();
            TestTwin.await("ready", Duration.ofSeconds(60), () -> TestTwin.get(port, "/api/v1/ready").status() == 200);
            TestTwin.await("a pack in a car with telemetry", Duration.ofSeconds(150), () ->
                    TestTwin.get(port, "/api/v1/packs?state=in_service&sohBelow=1.0").json().get("total").asInt() > 0);

            JsonNode pack = TestTwin.get(port, "/api/v1/packs?state=in_service&sohBelow=1.0&size=1").json().get("items").get(0);
            String packId = pack.get("id").asText();
            JsonNode full = TestTwin.get(port, "/api/v1/packs/" + packId).json();
            assertTrue(full.get("km").asDouble() > 0, "the vehicle has driven");

            // the pack is of a real architecture: the designs' pack of its vehicle model, all its cells
            String model = full.get("vehicleModel").asText();
            JsonNode design = null;
            for (JsonNode d : TestTwin.get(port, "/api/v1/designs").json().get("packs")) {
                if (d.get("id").asText().equals(model)) design = d;
            }
            assertNotNull(design, "a pack architecture for " + model);
            int cells = full.get("cells").size();
            assertEquals(design.get("cells").asInt(), cells, "the pack holds every cell of the " + model + " architecture");
            assertTrue(cells >= 100, "a real pack has hundreds of cells, was " + cells);
            double cellKWh = TestTwin.get(port, "/api/v1/designs").json().get("cell").get("energyWh").asDouble() / 1000.0;
            double kWh = full.get("nominalCapacityKwh").asDouble();
            assertEquals(cells * cellKWh, kWh, 1e-3, "the pack's energy is the sum of its cells'");
            assertEquals(design.get("publishedKWh").asDouble(), kWh, 0.02 * design.get("publishedKWh").asDouble(),
                    "within 2 % of the published pack energy");

            // one cell of the pack (not the first: any position carries the whole genealogy)
            String cellId = full.get("cells").get(cells / 2).asText();
            var genealogy = TestTwin.get(port, "/api/v1/cells/" + cellId + "/genealogy");
            assertEquals(200, genealogy.status(), genealogy.body());
            JsonNode g = genealogy.json();
            assertEquals(2, g.get("inlays").size(), "a bipolar cell of two inlays");
            for (JsonNode inlay : g.get("inlays")) {
                assertTrue(inlay.get("laminationUnit").asText().startsWith("DK1-LAM-01"), inlay.toString());
                double t = inlay.get("laminationTemperatureC").asDouble();
                assertTrue(t > 100 && t < 140, "lamination temperature " + t);
                assertTrue(inlay.get("dewPointC").asDouble() < -30, inlay.toString());
                assertEquals(3, inlay.get("rolls").size(), "cathode, electrolyte and anode rolls");
                inlay.get("rolls").forEach(r -> assertFalse(r.asText().isBlank()));
            }
            List<String> steps = new ArrayList<>();
            g.get("steps").forEach(s -> steps.add(s.get("step").asText()));
            List<String> life = List.of("lamination", "bipolar-stacking", "formation-ageing", "eol-test", "grading", "shipment",
                    "pack-assembly", "installation");
            assertTrue(steps.containsAll(life), steps.toString());
            for (int i = 1; i < life.size(); i++) {
                assertTrue(steps.indexOf(life.get(i - 1)) < steps.indexOf(life.get(i)), life.get(i - 1) + " before " + life.get(i) + ": " + steps);
            }
            Instant previous = Instant.MIN;
            for (JsonNode s : g.get("steps")) {
                Instant at = Instant.parse(s.get("at").asText());
                assertFalse(at.isBefore(previous), "the steps in time order: " + g.get("steps"));
                previous = at;
            }
            // Dunkirk ships the graded cell in its pack's lot to the VinFast joint venture, which assembles the pack
            JsonNode shipment = g.get("steps").get(steps.indexOf("shipment"));
            assertEquals("L-" + packId.substring(2), shipment.get("station").asText(), "the lot of the pack");
            assertTrue(shipment.get("result").asText().contains("Vietnam"), shipment.toString());
            assertEquals(Instant.parse(g.get("steps").get(steps.indexOf("pack-assembly")).get("at").asText()),
                    Instant.parse(shipment.get("at").asText()), "shipped with its lot when the pack is assembled (no transit time)");
            assertEquals(packId, g.get("packId").asText());
            String vehicle = g.get("vehicleId").asText();
            assertTrue(vehicle.startsWith(model + "-"), vehicle);

            // the pack lists the cell, the car has the pack
            List<String> packCells = new ArrayList<>();
            full.get("cells").forEach(c -> packCells.add(c.asText()));
            assertTrue(packCells.contains(cellId));
            assertEquals(packId, TestTwin.get(port, "/api/v1/vehicles/" + vehicle + "/pack").json().get("id").asText());
            assertEquals(vehicle, full.get("vehicleId").asText());
            assertEquals(g.get("inlays").get(0).get("laminationTemperatureC").asDouble(),
                    g.get("manufacturingFactors").get("laminationTemperatureC").asDouble(), 15.0,
                    "the factors that age the cell in the car come from its lamination");

            var health = TestTwin.get(port, "/api/v1/packs/" + packId + "/health").json();
            assertTrue(health.get("daysInService").asInt() >= 7);
            assertTrue(health.get("warranty").get("covered").asBoolean());
            var lam = TestTwin.get(port, "/api/v1/stations/DK1-LAM-01").json();
            assertTrue(lam.get("unitsOut").asLong() >= 2L * cells, "the lamination made the pack's inlays");
            assertTrue(lam.get("readings").has("laminationTemperatureC"));
            var kpis = TestTwin.get(port, "/api/v1/plant/kpis").json();
            assertEquals(10, kpis.get("stations").size());
            assertEquals(0, twin.simulation().rejected(), "the entities accepted every simulated fact");
        }
    }
}
