package org.ssbtwin.plant.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ssbtwin.plant.layout.PlannedMaintenance;
import org.ssbtwin.plant.layout.PlantLayout;
import org.ssbtwin.plant.layout.RampUp;
import org.ssbtwin.plant.layout.ReferenceLayouts;
import org.ssbtwin.plant.layout.StationKind;
import org.ssbtwin.plant.layout.StationSpec;
import org.ssbtwin.plant.station.StationState;

/** Planned maintenance: the PM rotation and annual shutdown schedules, and how the line and its OEE account for them. */
class PlannedMaintenanceTest {
    private static final Instant SOP = Instant.parse("2026-01-05T06:00:00Z");   // a Monday
    private static final long HOUR = 3_600_000L;

    @Test
    void pmWindowsOfTheUnitsAreStaggeredOverTheInterval() {
        PlannedMaintenance weekly = new PlannedMaintenance(168, 8, null, 0);
        long t = SOP.toEpochMilli();
        long u0 = weekly.nextPmStart(0, 4, t);
        long u1 = weekly.nextPmStart(1, 4, t);
        long u3 = weekly.nextPmStart(3, 4, t);
        assertEquals(t, u0, "unit 0's rotation is anchored on Monday 06:00 UTC");
        assertEquals(42 * HOUR, u1 - u0, "4 units share a week: 42 h apart");
        assertEquals(126 * HOUR, u3 - u0);
        assertEquals(u0 + 168 * HOUR, weekly.nextPmStart(0, 4, t + 1), "the next window a week later");
        assertEquals(8.0 / 168, weekly.pmShare(), 1e-12);
        assertEquals(Long.MAX_VALUE, PlannedMaintenance.NONE.nextPmStart(0, 4, t));
    }

    @Test
    void annualShutdownRecursEveryYear() {
        PlannedMaintenance summer = new PlannedMaintenance(0, 0, MonthDay.of(8, 1), 7);
        long start2031 = Instant.parse("2031-08-01T06:00:00Z").toEpochMilli();
        assertFalse(summer.inShutdown(start2031 - 1));
        assertTrue(summer.inShutdown(start2031));
        assertTrue(summer.inShutdown(start2031 + 7 * 24 * HOUR - 1));
        assertFalse(summer.inShutdown(start2031 + 7 * 24 * HOUR));
        assertEquals(start2031, summer.nextShutdownChange(Instant.parse("2031-01-01T00:00:00Z").toEpochMilli()));
        assertEquals(start2031 + 7 * 24 * HOUR, summer.nextShutdownChange(start2031));
        assertEquals(Instant.parse("2032-08-01T06:00:00Z").toEpochMilli(), summer.nextShutdownChange(start2031 + 7 * 24 * HOUR));
        assertThrows(IllegalArgumentException.class, () -> new PlannedMaintenance(168, 200, null, 0));
        assertThrows(IllegalArgumentException.class, () -> new PlannedMaintenance(0, 0, null, 7));
    }

    @Test
    void pmStopsTheUnitCountsAsScheduledDowntimeAndTheShutdownLeavesTheOeeTimeBase() {
        // the demo line with one stacking unit, weekly 8 h PM, and a shutdown of the whole line in the second week
        PlantLayout base = ReferenceLayouts.dunkirkSmall().withRampUp(RampUp.steady(SOP));
        MonthDay shutdown = MonthDay.of(1, 12);
        List<StationSpec> stations = new ArrayList<>();
        for (StationSpec s : base.stations()) {
            PlannedMaintenance m = s.kind() == StationKind.BIPOLAR_STACKING
                    ? new PlannedMaintenance(168, 8, shutdown, 7) : new PlannedMaintenance(0, 0, shutdown, 7);
            stations.add(s.withMaintenance(m, s.kind() == StationKind.BIPOLAR_STACKING ? 0.07 : 0));
        }
        PlantLayout layout = new PlantLayout(base.site(), base.name(), stations, base.cellDesign(), base.physics(), base.rampUp());
        var mab = layout.station(StationKind.BIPOLAR_STACKING).id();
        LineSimulation sim = new LineSimulation(layout, 7, SOP);
        List<PlantEvent> events = new ArrayList<>();
        sim.advanceTo(SOP.plus(Duration.ofHours(2)), events::add);   // unit 0's window started at SOP (Monday 06:00)
        assertEquals(StationState.DOWN, sim.state(mab));
        assertTrue(events.stream().anyMatch(e -> e instanceof PlantEvent.MaintenanceStarted m && m.station().equals(mab)
                && m.reason().equals(PlantEvent.MaintenanceStarted.PREVENTIVE) && m.due().equals(SOP.plus(Duration.ofHours(8)))));
        assertTrue(events.stream().anyMatch(e -> e instanceof PlantEvent.StationStateChanged s && s.station().equals(mab)
                && s.current() == StationState.DOWN && s.reason().equals("planned maintenance")), "state DOWN with its reason");
        sim.advanceTo(SOP.plus(Duration.ofHours(9)), events::add);
        assertTrue(events.stream().anyMatch(e -> e instanceof PlantEvent.MaintenanceCompleted m && m.station().equals(mab)));
        assertFalse(sim.state(mab) == StationState.DOWN);

        // one full week: PM is 8 of 168 scheduled hours, counted against availability (SEMI E10)
        sim.advanceTo(SOP.plus(Duration.ofDays(7)), events::add);
        StationKpis week = kpis(sim, mab);
        assertEquals(8.0 / 168, week.maintenanceShare(), 1e-3);
        assertTrue(week.availability() <= 1 - week.maintenanceShare() - week.downShare() + 1e-9);
        assertEquals(week.availability() * week.performance() * week.quality(), week.oee(), 1e-12);
        assertTrue(week.performance() <= 0.93 + 0.02, "minor stops and reduced speed cost 7 %: " + week.performance());
        assertTrue(week.availabilityIso22400() > week.availability(), "ISO 22400 leaves planned downtime out of the base");

        // the shutdown week (from Monday 12 January 06:00): idle with its reason, and outside the time base
        sim.resetStatistics();
        List<PlantEvent> shut = new ArrayList<>();
        sim.advanceTo(SOP.plus(Duration.ofDays(14)), shut::add);
        shut.addAll(0, events);   // the shutdown starts at the very end of the first week's step
        assertTrue(shut.stream().anyMatch(e -> e instanceof PlantEvent.StationStateChanged s && s.station().equals(mab)
                && s.current() == StationState.IDLE && s.reason().equals("annual shutdown")));
        PlantKpis k = sim.kpis();
        assertEquals(0, k.cellsCompleted(), "nothing is made in the shutdown week");
        assertEquals(0, kpis(sim, mab).maintenanceShare(), "no scheduled time: no OEE time base");
        sim.resetStatistics();
        sim.advanceTo(SOP.plus(Duration.ofDays(21)), PlantEventSink.NONE);
        assertTrue(sim.kpis().cellsCompleted() > 0, "the line runs again after the shutdown");
    }

    private static StationKpis kpis(LineSimulation sim, org.ssbtwin.core.id.StationId id) {
        return sim.kpis().station(id);
    }
}
