package org.ssbtwin.plant.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.plant.layout.CycleTimeDistribution;
import org.ssbtwin.plant.layout.LearningCurve;
import org.ssbtwin.plant.layout.PlantLayout;
import org.ssbtwin.plant.layout.RampPhase;
import org.ssbtwin.plant.layout.RampUp;
import org.ssbtwin.plant.layout.ReferenceLayouts;
import org.ssbtwin.plant.layout.ScrapCause;
import org.ssbtwin.plant.station.Setpoints;
import org.ssbtwin.plant.layout.StationKind;
import org.ssbtwin.plant.station.StationState;
import org.ssbtwin.plant.genealogy.CellProductionRecord;
import org.ssbtwin.plant.genealogy.InlayGenealogy;
import org.ssbtwin.plant.physics.ProcessPhysics;

class LineSimulationTest {
    private static final Instant SOP = Instant.parse("2026-01-05T06:00:00Z");

    /** The small demo line at steady state (no learning), starting at SOP. */
    private static PlantLayout steadySmall() {
        return ReferenceLayouts.dunkirkSmall().withRampUp(RampUp.steady(SOP));
    }

    private static List<PlantEvent> run(PlantLayout layout, long seed, Duration d) {
        List<PlantEvent> events = new ArrayList<>();
        LineSimulation sim = new LineSimulation(layout, seed, SOP);
        sim.advanceTo(SOP.plus(d), events::add);
        return events;
    }

    @Test
    void sameLayoutAndSeedGiveIdenticalCellsAndKpis() {
        PlantLayout layout = steadySmall();
        LineSimulation a = new LineSimulation(layout, 11, SOP);
        LineSimulation b = new LineSimulation(layout, 11, SOP);
        List<PlantEvent> ea = new ArrayList<>();
        List<PlantEvent> eb = new ArrayList<>();
        for (int h = 1; h <= 96; h++) {
            a.advanceTo(SOP.plus(Duration.ofHours(h)), ea::add);
        }
        b.advanceTo(SOP.plus(Duration.ofHours(96)), eb::add);   // different stepping, same result
        assertEquals(ea, eb);
        assertEquals(a.kpis(), b.kpis());
        assertTrue(ea.stream().filter(e -> e instanceof PlantEvent.CellCompleted).count() > 100);
        List<PlantEvent> other = run(layout, 12, Duration.ofHours(96));
        assertFalse(ea.equals(other), "a different seed must give a different history");
    }

    @Test
    void everyStationConservesItems() {
        LineSimulation sim = new LineSimulation(steadySmall(), 5, SOP);
        sim.advanceTo(SOP.plus(Duration.ofDays(3)), PlantEventSink.NONE);
        sim.resetStatistics();
        sim.advanceTo(SOP.plus(Duration.ofDays(6)).plusSeconds(1234), PlantEventSink.NONE);
        PlantKpis k = sim.kpis();
        for (StationKpis s : k.stations()) {
            assertEquals(s.wipAtWindowStart() + s.in(), s.out() + s.scrap() + s.wip(), "conservation at " + s.station());
            assertEquals(s.scrap(), s.scrapByCause().values().stream().mapToLong(Long::longValue).sum());
            assertTrue(s.oee() >= 0 && s.oee() <= 1, s.station() + " oee " + s.oee());
            assertTrue(s.utilisation() + s.blockedShare() + s.downShare() <= 1 + 1e-9);
        }
        assertTrue(k.cellsCompleted() > 0);
        // WIP lies on station slots or in input buffers: at most the slots and buffer capacities of its stretch of line
        PlantLayout layout = steadySmall();
        long inlayCapacity = slotsOf(layout, StationKind.LAMINATION) + slotsOf(layout, StationKind.FRAMING)
                + slotsOf(layout, StationKind.CORE_ASSEMBLY) + bufferOf(layout, StationKind.FRAMING)
                + bufferOf(layout, StationKind.CORE_ASSEMBLY) + bufferOf(layout, StationKind.BIPOLAR_STACKING);
        long cellCapacity = slotsOf(layout, StationKind.BIPOLAR_STACKING) + slotsOf(layout, StationKind.FORMATION_AGEING)
                + slotsOf(layout, StationKind.EOL_TEST) + bufferOf(layout, StationKind.FORMATION_AGEING)
                + bufferOf(layout, StationKind.EOL_TEST) + bufferOf(layout, StationKind.PACK_ASSEMBLY)
                + slotsOf(layout, StationKind.PACK_ASSEMBLY) * layout.cellDesign().cellsPerPack();
        assertTrue(k.wipInlays() > 0 && k.wipInlays() <= inlayCapacity, "inlay WIP " + k.wipInlays() + " of " + inlayCapacity);
        assertTrue(k.wipCells() > 0 && k.wipCells() <= cellCapacity, "cell WIP " + k.wipCells() + " of " + cellCapacity);
        assertEquals(k.cellsCompleted(), k.gradeA() + k.gradeB());
    }

    private static long slotsOf(PlantLayout layout, StationKind kind) {
        var s = layout.station(kind);
        return (long) s.units() * s.slotsPerUnit();
    }

    private static long bufferOf(PlantLayout layout, StationKind kind) {
        return layout.station(kind).inputBufferCapacity();
    }

    @Test
    void slowestStationIsTheBottleneck() {
        PlantLayout base = steadySmall();
        LineSimulation sim = new LineSimulation(base, 3, SOP);
        sim.advanceTo(SOP.plus(Duration.ofDays(4)), PlantEventSink.NONE);
        assertEquals(base.station(StationKind.BIPOLAR_STACKING).id(), sim.kpis().bottleneck());

        var eol = base.station(StationKind.EOL_TEST);
        PlantLayout slowEol = base.withStation(eol.withCycleTime(new CycleTimeDistribution(1800, 0.05)));
        LineSimulation sim2 = new LineSimulation(slowEol, 3, SOP);
        sim2.advanceTo(SOP.plus(Duration.ofDays(4)), PlantEventSink.NONE);
        PlantKpis k = sim2.kpis();
        assertEquals(eol.id(), k.bottleneck());
        assertTrue(k.station(base.station(StationKind.BIPOLAR_STACKING).id()).blockedShare() > 0.2,
                "stacking upstream of the slow EOL must be blocked part of the time");
        assertTrue(k.cellsPerDay() < 2.2 * 24 && k.cellsPerDay() > 1.2 * 24, "EOL-bound throughput " + k.cellsPerDay());
    }

    @Test
    void everyCompletedCellHasAFullGenealogy() {
        PlantLayout layout = steadySmall();
        List<PlantEvent> events = run(layout, 21, Duration.ofDays(2));
        int n = 0;
        Set<CellId> ids = new HashSet<>();
        for (PlantEvent e : events) {
            if (!(e instanceof PlantEvent.CellCompleted c)) continue;
            n++;
            CellProductionRecord g = c.genealogy();
            assertNotNull(g);
            assertEquals(c.cell(), g.cell());
            assertTrue(ids.add(g.cell()), "unique cell ids");
            assertEquals(layout.cellDesign().inlaysPerCell(), g.inlays().size());
            for (InlayGenealogy i : g.inlays()) {
                assertNotNull(i.cathodeRoll());
                assertNotNull(i.electrolyteRoll());
                assertNotNull(i.anodeRoll());
                assertTrue(i.laminationUnit().value().startsWith("DK1-LAM-01-U"), i.laminationUnit().value());
                assertTrue(i.laminationTemperatureC() > 100 && i.laminationTemperatureC() < 140);
                assertTrue(i.dewPointC() < -30);
                assertEquals(6, i.passes().size());
                List<StationKind> kinds = i.passes().stream().map(p -> p.kind()).toList();
                assertEquals(List.of(StationKind.CATHODE_COATING, StationKind.ELECTROLYTE_COATING, StationKind.ANODE_COATING,
                        StationKind.LAMINATION, StationKind.FRAMING, StationKind.CORE_ASSEMBLY), kinds);
                i.passes().forEach(p -> assertFalse(p.end().isBefore(p.start())));
                assertFalse(i.passes().get(3).end().isAfter(i.passes().get(4).start()), "framing after lamination");
            }
            assertEquals(List.of(StationKind.BIPOLAR_STACKING, StationKind.FORMATION_AGEING, StationKind.EOL_TEST),
                    g.passes().stream().map(p -> p.kind()).toList());
            assertTrue(g.selfDischargeMvPerWeek() < 5.0);
            assertEquals(c.factors(), g.factors());
            var derived = ProcessPhysics.manufacturingFactors(g, layout.physics());
            assertEquals(g.factors().interfaceResistanceFactor(), derived.interfaceResistanceFactor(), 1e-12);
            assertEquals(g.factors().moistureExposure(), derived.moistureExposure(), 1e-12);
            assertEquals(g.factors().latentDefectSeverity(), derived.latentDefectSeverity(), 1e-12);
            assertEquals(g.factors().dewPointC(), derived.dewPointC(), 1e-12);
        }
        assertTrue(n > 50, "cells completed: " + n);
        List<PlantEvent.PackAssembled> packs = events.stream().filter(e -> e instanceof PlantEvent.PackAssembled)
                .map(e -> (PlantEvent.PackAssembled) e).toList();
        assertFalse(packs.isEmpty());
        for (var p : packs) {
            assertEquals(layout.cellDesign().cellsPerPack(), p.cells().size());
            assertTrue(ids.containsAll(p.cells()), "packs hold completed cells");
        }
        assertTrue(events.stream().anyMatch(e -> e instanceof PlantEvent.ReadingSampled r
                && r.quantity().equals(Setpoints.DEW_POINT_C)));
        assertTrue(events.stream().anyMatch(e -> e instanceof PlantEvent.StationStateChanged s
                && s.current() == StationState.RUNNING));
    }

    @Test
    void scrapIsHigherEarlyInTheRampThanLate() {
        PlantLayout ramped = ReferenceLayouts.dunkirkSmall().withRampUp(
                new RampUp(SOP, List.of(new RampPhase("SOP", SOP, 1.0)), new LearningCurve(5, 0.3, 3, 20)));
        LineSimulation sim = new LineSimulation(ramped, 8, SOP);
        sim.advanceTo(SOP.plus(Duration.ofDays(8)), PlantEventSink.NONE);
        PlantKpis early = sim.kpis();
        sim.advanceTo(SOP.plus(Duration.ofDays(150)), PlantEventSink.NONE);
        sim.resetStatistics();
        sim.advanceTo(SOP.plus(Duration.ofDays(158)), PlantEventSink.NONE);
        PlantKpis late = sim.kpis();
        assertTrue(early.scrapRate() > late.scrapRate() + 0.1, "early " + early.scrapRate() + " late " + late.scrapRate());
        assertTrue(early.scrapRate() > 0.2, "SOP-window scrap " + early.scrapRate());
        assertTrue(late.scrapRate() < 0.15, "steady scrap " + late.scrapRate());
        var mab = ramped.station(StationKind.BIPOLAR_STACKING).id();
        assertTrue(early.station(mab).availability() < late.station(mab).availability());
    }

    @Test
    void laminationSetpointChangeRaisesDelaminationScrap() {
        PlantLayout layout = steadySmall();
        var lam = layout.station(StationKind.LAMINATION).id();
        LineSimulation nominal = new LineSimulation(layout, 4, SOP);
        nominal.advanceTo(SOP.plus(Duration.ofDays(3)), PlantEventSink.NONE);
        LineSimulation hot = new LineSimulation(layout, 4, SOP);
        hot.changeSetpoint(lam, Setpoints.LAMINATION_TEMPERATURE_C, 140, SOP.plus(Duration.ofHours(1)));
        List<PlantEvent> events = new ArrayList<>();
        hot.advanceTo(SOP.plus(Duration.ofDays(3)), events::add);
        long delamNominal = nominal.kpis().station(lam).scrapByCause().getOrDefault(ScrapCause.DELAMINATION, 0L);
        long delamHot = hot.kpis().station(lam).scrapByCause().getOrDefault(ScrapCause.DELAMINATION, 0L);
        assertTrue(delamHot > 3 * delamNominal + 5, "nominal " + delamNominal + " hot " + delamHot);
        assertEquals(140.0, hot.setpoint(lam, Setpoints.LAMINATION_TEMPERATURE_C));
        assertTrue(events.stream().anyMatch(e -> e instanceof PlantEvent.SetpointChanged s && s.value() == 140.0));
        double lateReadings = events.stream().filter(e -> e instanceof PlantEvent.ReadingSampled r
                        && r.station().equals(lam) && r.at().isAfter(SOP.plus(Duration.ofHours(2))))
                .mapToDouble(e -> ((PlantEvent.ReadingSampled) e).value()).average().orElseThrow();
        assertEquals(140, lateReadings, 0.5);
        assertThrows(IllegalArgumentException.class,
                () -> hot.changeSetpoint(lam, Setpoints.LAMINATION_TEMPERATURE_C, 120, SOP));
    }

    @Test
    void forcedBreakdownTakesTheStationDown() {
        PlantLayout layout = steadySmall();
        var mab = layout.station(StationKind.BIPOLAR_STACKING).id();
        LineSimulation sim = new LineSimulation(layout, 2, SOP);
        sim.advanceTo(SOP.plus(Duration.ofHours(6)), PlantEventSink.NONE);
        sim.forceBreakdown(mab, 0, Duration.ofHours(3), SOP.plus(Duration.ofHours(7)));
        List<PlantEvent> events = new ArrayList<>();
        sim.advanceTo(SOP.plus(Duration.ofHours(8)), events::add);
        assertEquals(StationState.DOWN, sim.state(mab));
        assertTrue(events.stream().anyMatch(e -> e instanceof PlantEvent.BreakdownStarted b && b.forced() && b.station().equals(mab)));
        sim.advanceTo(SOP.plus(Duration.ofHours(11)), events::add);
        assertTrue(events.stream().anyMatch(e -> e instanceof PlantEvent.RepairCompleted r && r.station().equals(mab)));
        assertFalse(sim.state(mab) == StationState.DOWN);
    }

    @Test
    void nothingRunsBeforeSop() {
        PlantLayout layout = ReferenceLayouts.dunkirkSmall();
        Instant before = SOP.minus(Duration.ofDays(2));
        LineSimulation sim = new LineSimulation(layout, 1, before);
        List<PlantEvent> events = new ArrayList<>();
        sim.advanceTo(SOP.minus(Duration.ofHours(1)), events::add);
        assertTrue(events.stream().noneMatch(e -> e instanceof PlantEvent.RollCompleted));
        sim.advanceTo(SOP.plus(Duration.ofHours(3)), events::add);
        assertTrue(events.stream().anyMatch(e -> e instanceof PlantEvent.RampPhaseEntered));
        assertTrue(events.stream().anyMatch(e -> e instanceof PlantEvent.RollCompleted));
    }
}
