package org.ssbtwin.feed.simulation;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ssbtwin.config.fleet.FleetSpecLoader;
import org.ssbtwin.config.plant.PlantLayoutLoader;
import org.ssbtwin.core.AssetState;
import org.ssbtwin.plant.cell.Cell;
import org.ssbtwin.plant.cell.CellStatus;
import org.ssbtwin.feed.AssetBatch;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.core.id.StationId;
import org.ssbtwin.fleet.pack.Pack;
import org.ssbtwin.fleet.pack.PackStatus;
import org.ssbtwin.plant.station.Station;
import org.ssbtwin.fleet.entity.PackAgeing;

/** The simulated life feeds facts that the domain accepts, in order, deterministically. */
class SimulatedLifecycleFeedTest {
    static final Instant START = Instant.parse("2028-01-03T06:00:00Z");

    static SimulatedLifecycleFeed feed(long seed) {
        return new SimulatedLifecycleFeed(PlantLayoutLoader.loadResource(PlantLayoutLoader.DUNKIRK_SMALL),
                FleetSpecLoader.loadResource(FleetSpecLoader.VINFAST_VN).mix(), seed, START, IdShift.NONE,
                Set.of(), List.of(), Map.of(), 100);
    }

    /** Applies the batches to the domain states like the entities would; fails on any refusal. */
    static final class World {
        final Map<StationId, Station> stations = new HashMap<>();
        final Map<CellId, Cell> cells = new HashMap<>();
        final Map<PackId, Pack> packs = new HashMap<>();
        int telemetryRecords;

        void apply(List<AssetBatch> batches) {
            PackAgeing ageing = PackAgeing.standard();
            for (AssetBatch b : batches) {
                if (b instanceof AssetBatch.ForStation s) {
                    var r = AssetState.checkAll(stations.getOrDefault(s.id(), Station.unknown(s.id())), s.events());
                    assertNull(r.rejection(), () -> s.id() + ": " + r.rejection());
                    stations.put(s.id(), r.next());
                } else if (b instanceof AssetBatch.ForCell c) {
                    var r = AssetState.checkAll(cells.getOrDefault(c.id(), Cell.unknown(c.id())), c.events());
                    assertNull(r.rejection(), () -> c.id() + ": " + r.rejection());
                    cells.put(c.id(), r.next());
                } else if (b instanceof AssetBatch.ForPack p) {
                    var r = AssetState.checkAll(packs.getOrDefault(p.id(), Pack.unknown(p.id())), p.events());
                    assertNull(r.rejection(), () -> p.id() + ": " + r.rejection());
                    packs.put(p.id(), r.next());
                } else if (b instanceof AssetBatch.TelemetryForPack t) {
                    Pack pack = packs.get(t.id());
                    var outcome = ageing.ingest(pack, t.records(), START);
                    assertNull(outcome.rejection(), () -> t.id() + ": " + outcome.rejection());
                    for (var e : outcome.events()) pack = pack.apply(e);
                    packs.put(t.id(), pack);
                    telemetryRecords += t.records().size();
                }
            }
        }
    }

    @Test
    void twoWeeksOfTheSmallLineGiveCellsPacksVehiclesAndTelemetry() {
        SimulatedLifecycleFeed feed = feed(42);
        World w = new World();
        for (int hour = 1; hour <= 24 * 14; hour++) w.apply(feed.advanceTo(START.plus(Duration.ofHours(hour))));

        assertEquals(10, w.stations.size(), "every station of the layout is commissioned");
        assertTrue(w.stations.values().stream().allMatch(s -> s.unitsIn() > 0), "every station worked");
        Station lam = w.stations.get(StationId.of("DK1-LAM-01"));
        assertTrue(lam.readings().containsKey("laminationTemperatureC"), lam.readings().toString());
        long graded = w.cells.values().stream().filter(c -> c.status() != CellStatus.IN_PRODUCTION).count();
        assertTrue(graded > 100, "cells made in two weeks: " + graded);
        Cell inCar = w.cells.values().stream().filter(c -> c.status() == CellStatus.IN_FIELD).findFirst().orElseThrow();
        var g = inCar.genealogy();
        assertEquals(2, g.inlays().size(), "two inlays per bipolar cell (dunkirk-small)");
        assertEquals(3, g.inlays().get(0).rolls().size(), "cathode, electrolyte and anode rolls");
        assertTrue(g.inlays().get(0).laminationUnit().value().startsWith("DK1-LAM-01"));
        var steps = g.steps().stream().map(s -> s.step()).toList();
        assertTrue(steps.containsAll(List.of("lamination", "framing", "core-assembly", "bipolar-stacking", "formation-ageing",
                "eol-test", "grading", "pack-assembly", "installation")), steps.toString());
        assertNotNull(g.manufacturingFactors());
        assertNotNull(g.vehicleId());

        assertTrue(w.packs.values().stream().anyMatch(p -> p.status() == PackStatus.IN_SERVICE));
        assertTrue(w.telemetryRecords > 0, "vehicles send daily telemetry");
        Pack used = w.packs.values().stream().filter(p -> p.km() > 0).findFirst().orElseThrow();
        assertTrue(used.stateOfHealth() < 1.0);
        assertEquals(used.cells().size(), used.cellProfile().cells(), "the pack carries the profile of all its cells' manufacturing factors");
    }

    @Test
    void coarseTicksAcrossMidnightAreAcceptedToo() {
        // a tick that spans midnight installs packs after the day boundary whose telemetry is generated in the same tick
        SimulatedLifecycleFeed feed = feed(3);
        World w = new World();
        for (int step = 1; step <= 60; step++) w.apply(feed.advanceTo(START.plus(Duration.ofHours(5L * step))));
        assertTrue(w.telemetryRecords > 0);
    }

    @Test
    void sameSeedSameFacts() {
        var a = feed(7);
        var b = feed(7);
        for (int hour = 1; hour <= 48; hour++) {
            Instant t = START.plus(Duration.ofHours(hour));
            assertEquals(a.advanceTo(t), b.advanceTo(t));
        }
    }

    @Test
    void idsContinueAfterARestart() {
        IdShift shift = new IdShift(Map.of("C-DK1", 500L, "P-DK1", 80L, "I-DK1", 1200L, "R-CAT", 30L));
        assertEquals("C-DK1-00000503", shift.shift("C-DK1-00000003"));
        assertEquals("P-DK1-000081", shift.shift("P-DK1-000001"));
        assertEquals("R-ANO-000004", shift.shift("R-ANO-000004"));
        var feed = new SimulatedLifecycleFeed(PlantLayoutLoader.loadResource(PlantLayoutLoader.DUNKIRK_SMALL),
                FleetSpecLoader.loadResource(FleetSpecLoader.VINFAST_VN).mix(), 1, START, shift,
                Set.of(), List.of(), Map.of(), 10);
        World w = new World();
        for (int hour = 1; hour <= 48; hour++) w.apply(feed.advanceTo(START.plus(Duration.ofHours(hour))));
        assertTrue(w.cells.keySet().stream().allMatch(c -> IdShift.serialOf(c.value()) > 500));
        assertTrue(w.packs.keySet().stream().allMatch(p -> IdShift.serialOf(p.value()) > 80));
    }
}
