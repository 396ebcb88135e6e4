package org.ssbtwin.config.plant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.ssbtwin.plant.layout.PlantLayout;
import org.ssbtwin.plant.layout.ReferenceLayouts;
import org.ssbtwin.plant.layout.StationKind;
import org.ssbtwin.plant.sim.LineSimulation;
import org.ssbtwin.plant.sim.PlantEvent;
import org.ssbtwin.plant.sim.PlantEventSink;

class PlantLayoutLoaderTest {

    private static String resourceText(String name) throws IOException {
        try (InputStream in = PlantLayoutLoaderTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static PlantLayoutException fails(String hocon) {
        return assertThrows(PlantLayoutException.class, () -> PlantLayoutLoader.parse(hocon));
    }

    private static void assertProblem(PlantLayoutException e, String expected) {
        assertTrue(e.problems().stream().anyMatch(p -> p.contains(expected)),
                "expected a problem containing <" + expected + "> in " + e.problems());
        assertTrue(e.getMessage().contains(expected));
    }

    @Test
    void dunkirkConfLoadsAndMatchesTheReferenceLayout() {
        PlantLayout layout = PlantLayoutLoader.loadResource(PlantLayoutLoader.DUNKIRK);
        assertEquals(ReferenceLayouts.dunkirk(), layout);
        assertEquals(10, layout.stations().size());
        assertEquals(Instant.parse("2028-01-03T06:00:00Z"), layout.rampUp().sop());
        assertEquals(0.066, layout.rampUp().phases().get(0).capacityShare());
        assertEquals(1.0, layout.rampUp().phases().get(4).capacityShare());
        assertEquals(480_000, layout.station(StationKind.FORMATION_AGEING).units() * layout.station(StationKind.FORMATION_AGEING).slotsPerUnit());
        assertTrue(!layout.station(StationKind.PACK_ASSEMBLY).shifts().isContinuous());
    }

    @Test
    void smallConfLoadsMatchesAndProducesCellsWithinHours() {
        PlantLayout layout = PlantLayoutLoader.loadResource(PlantLayoutLoader.DUNKIRK_SMALL);
        assertEquals(ReferenceLayouts.dunkirkSmall(), layout);
        Instant sop = layout.rampUp().sop();
        LineSimulation sim = new LineSimulation(layout, 1, sop);
        long[] cells = {0};
        sim.advanceTo(sop.plus(Duration.ofHours(12)), e -> { if (e instanceof PlantEvent.CellCompleted) cells[0]++; });
        assertTrue(cells[0] >= 20 && cells[0] <= 120, "cells in 12 h: " + cells[0]);
    }

    @Test
    void negativeMtbfIsReportedWithItsPath() throws IOException {
        String text = resourceText(PlantLayoutLoader.DUNKIRK_SMALL)
                .replace("kind = LAMINATION, units = 1, cycleTime { meanSeconds = 240, cv = 0.1 }\n      inputBufferCapacity = 2, mtbfHours = 24",
                        "kind = LAMINATION, units = 1, cycleTime { meanSeconds = 240, cv = 0.1 }\n      inputBufferCapacity = 2, mtbfHours = -2");
        assertProblem(fails(text), "stations[3].mtbfHours must be > 0, was -2");
    }

    @Test
    void everyBadFieldIsNamed() throws IOException {
        String base = resourceText(PlantLayoutLoader.DUNKIRK_SMALL);
        assertProblem(fails(base.replace("kind = FRAMING", "kind = CORE_ASSEMBLY")), "stations[4].kind must be FRAMING (flow order), was CORE_ASSEMBLY");
        assertProblem(fails(base.replace("kind = FRAMING", "kind = WELDING")), "stations[4].kind must be one of");
        assertProblem(fails(base.replace("\"DK1-EOL-01\"", "\"dk1 eol\"")), "stations[8].id");
        assertProblem(fails(base.replace("\"DK1-EOL-01\"", "\"DK1-PCK-01\"")), "stations[9].id duplicates");
        assertProblem(fails(base.replace("units = 1, slotsPerUnit = 12", "units = 0, slotsPerUnit = 12")), "stations[7].units must be within [1, 100000], was 0");
        assertProblem(fails(base.replace("meanSeconds = 3600", "meanSeconds = \"an hour\"")), "stations[7].cycleTime.meanSeconds must be a number");
        assertProblem(fails(base.replace("baseScrapRate = 0.003", "baseScrapRate = 1.5")), "stations[5].baseScrapRate must be within [0, 1), was 1.5");
        assertProblem(fails(base.replace("min = -60, max = -35", "min = -30, max = -35")), "stations[5].processWindows.dewPointC min must be <= max");
        // the bundled layouts take the cell from designs.conf: a layout that repeats a cell field is still range-checked
        assertProblem(fails(base.replace("cellDesign { inlaysPerRoll = 20", "cellDesign { inlaysPerCell = 0, inlaysPerRoll = 20")), "cellDesign.inlaysPerCell must be within [1, 64], was 0");
        assertProblem(fails(base.replace("sop = \"2026-01-05T06:00:00Z\"", "sop = \"next monday\"")), "rampUp.sop must be an ISO-8601 instant");
        assertProblem(fails(base.replace("capacityShare = 1.0", "capacityShare = 1.5")), "rampUp.phases[0].capacityShare must be within [0, 1], was 1.5");
        assertProblem(fails(base.replace("initialMtbfFactor = 0.5", "initialMtbfFactor = 2")), "rampUp.learning.initialMtbfFactor must be within (0, 1], was 2");
        assertProblem(fails(base.replace("inputBufferCapacity = 40", "inputBufferCapacity = 3")), "stations[9].inputBufferCapacity must be >= 6, was 3");
        assertProblem(fails(base.replace("lineSpeedMPerMin = 2 } }\n    { id = \"DK1-ANO-01\"", "lineSpeedMPerMin = 0 } }\n    { id = \"DK1-ANO-01\"")),
                "stations[1].setpoints.lineSpeedMPerMin must be > 0, was 0");
        assertProblem(fails(base.replace("cellsPerPack = 6 }", "cellsPerPack = 6 }\n  physics { warpFactor = 9 }")), "physics.warpFactor is not a known field");
        assertProblem(fails(base.replace("mttrHours = 1, baseScrapRate = 0.002", "mttrHours = 1, baseScrapRate = 0.002, shifts = \"4x8-7d\"")),
                "stations[9].shifts needs 1..7 days and shifts x hours <= 24");
        assertProblem(fails(base.replace("mttrHours = 1, baseScrapRate = 0.002", "baseScrapRate = 0.002")), "stations[9].mttrHours is required");
    }

    @Test
    void allProblemsAreReportedTogether() throws IOException {
        String base = resourceText(PlantLayoutLoader.DUNKIRK_SMALL);
        String bad = base.replace("cellDesign { inlaysPerRoll = 20", "cellDesign { inlaysPerCell = -1, inlaysPerRoll = 20").replace("units = 1, slotsPerUnit = 12", "units = -3, slotsPerUnit = 12");
        PlantLayoutException e = fails(bad);
        assertTrue(e.problems().size() >= 2, e.problems().toString());
    }

    @Test
    void missingRootAndMissingResourceFailClearly() {
        assertProblem(fails("foo = 1"), "plant: missing root object");
        PlantLayoutException e = assertThrows(PlantLayoutException.class, () -> PlantLayoutLoader.loadResource("plant/nope.conf"));
        assertTrue(e.getMessage().contains("resource not found"));
        assertProblem(fails("plant { stations = [ }"), "HOCON syntax");
        PlantLayoutException withoutStations = fails("plant { site = \"DK1\" }");
        assertProblem(withoutStations, "stations is required");
        assertProblem(withoutStations, "cellDesign is required");
    }

    @Test
    void loadedLayoutRunsDeterministically() {
        PlantLayout layout = PlantLayoutLoader.loadResource(PlantLayoutLoader.DUNKIRK_SMALL);
        Instant sop = layout.rampUp().sop();
        LineSimulation a = new LineSimulation(layout, 77, sop);
        LineSimulation b = new LineSimulation(PlantLayoutLoader.loadResource(PlantLayoutLoader.DUNKIRK_SMALL), 77, sop);
        a.advanceTo(sop.plus(Duration.ofDays(1)), PlantEventSink.NONE);
        b.advanceTo(sop.plus(Duration.ofDays(1)), PlantEventSink.NONE);
        assertEquals(a.kpis(), b.kpis());
    }
}
