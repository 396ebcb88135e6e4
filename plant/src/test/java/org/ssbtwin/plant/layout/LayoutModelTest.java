package org.ssbtwin.plant.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LayoutModelTest {
    @Test
    void twoShiftWeekdayCalendar() {
        ShiftCalendar c = ShiftCalendar.TWO_SHIFTS_WEEKDAYS;
        long monday7 = Instant.parse("2030-01-07T07:00:00Z").toEpochMilli();
        long monday23 = Instant.parse("2030-01-07T23:00:00Z").toEpochMilli();
        long saturday = Instant.parse("2030-01-12T10:00:00Z").toEpochMilli();
        assertTrue(c.isOnShift(monday7));
        assertFalse(c.isOnShift(monday23));
        assertFalse(c.isOnShift(saturday));
        assertEquals(Instant.parse("2030-01-07T22:00:00Z").toEpochMilli(), c.nextChange(monday7));
        assertEquals(Instant.parse("2030-01-14T06:00:00Z").toEpochMilli(), c.nextChange(saturday));
        assertEquals(80.0, c.hoursPerWeek(), 1e-9);
        assertTrue(ShiftCalendar.CONTINUOUS.isContinuous());
        assertEquals(Long.MAX_VALUE, ShiftCalendar.CONTINUOUS.nextChange(monday7));
    }

    @Test
    void cycleTimeSamplesHaveTheConfiguredMean() {
        CycleTimeDistribution d = new CycleTimeDistribution(10, 0.3);
        SplittableRandom r = new SplittableRandom(3);
        double sum = 0;
        for (int i = 0; i < 200_000; i++) sum += d.sample(r);
        assertEquals(10, sum / 200_000, 0.05);
    }

    @Test
    void learningCurveRelaxesTowardsSteadyState() {
        LearningCurve lc = new LearningCurve(5, 0.2, 4, 180);
        assertEquals(5, lc.scrapMultiplier(0), 1e-12);
        assertTrue(lc.scrapMultiplier(90) > lc.scrapMultiplier(365));
        assertTrue(lc.mtbfFactor(0) < lc.mtbfFactor(365));
        assertEquals(1, lc.scrapMultiplier(5000), 1e-6);
    }

    @Test
    void layoutRequiresFlowOrder() {
        PlantLayout l = ReferenceLayouts.dunkirkSmall();
        var swapped = new java.util.ArrayList<>(l.stations());
        java.util.Collections.swap(swapped, 4, 5);
        var ex = assertThrows(IllegalArgumentException.class,
                () -> new PlantLayout(l.site(), l.name(), swapped, l.cellDesign(), l.physics(), l.rampUp()));
        assertTrue(ex.getMessage().contains("stations[4].kind"), ex.getMessage());
    }

    @Test
    void rampPhasesActivateAShareOfUnits() {
        PlantLayout d = ReferenceLayouts.dunkirk();
        RampPhase p1 = d.rampUp().phases().get(0);
        assertEquals(32, p1.activeUnits(d.station(StationKind.FORMATION_AGEING).units()));
        assertEquals(1, p1.activeUnits(d.station(StationKind.BIPOLAR_STACKING).units()));
        assertEquals(0, d.rampUp().phaseIndexAt(Instant.parse("2028-06-01T00:00:00Z")));
        assertEquals(2, d.rampUp().phaseIndexAt(Instant.parse("2030-06-01T00:00:00Z")));
        assertEquals(4, d.rampUp().phaseIndexAt(Instant.parse("2032-01-01T00:00:00Z")));
    }
}
