package org.ssbtwin.plant.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.ssbtwin.plant.genealogy.StationPass;
import org.ssbtwin.plant.layout.CycleTimeDistribution;
import org.ssbtwin.plant.layout.PlantLayout;
import org.ssbtwin.plant.layout.ReferenceLayouts;
import org.ssbtwin.plant.layout.StationKind;
import org.ssbtwin.plant.layout.StationSpec;

/**
 * Formation and ageing take what the published process allows: formation up to 24 h plus ageing up to three weeks
 * (DOMAIN 2.2), for the layout's cycle distribution and for every cell the Dunkirk line makes, including the time a
 * cell waits on a rack in planned maintenance or a breakdown (preempt-resume).
 */
class FormationAgeingTimeTest {
    private static final Duration PUBLISHED_MAX = Duration.ofHours(24).plus(Duration.ofDays(21));

    @Test
    void theLayoutsFormationAndAgeingCycleFitsTheSpan() {
        StationSpec fag = ReferenceLayouts.dunkirk().station(StationKind.FORMATION_AGEING);
        CycleTimeDistribution ct = fag.cycleTime();
        double p9999 = ct.quantile(0.9999) / (1 - fag.performanceLoss());
        assertTrue(p9999 <= PUBLISHED_MAX.toSeconds(), "99.99 % quantile " + p9999 / 3600 + " h > " + PUBLISHED_MAX);
        assertTrue(ct.meanSeconds() >= Duration.ofHours(24).toSeconds(), "formation alone can take a day; ageing comes on top");
    }

    @Test
    void everyCellOfTheDunkirkLineSpendsAtMostTheSpanOnTheRacks() {
        PlantLayout dunkirk = ReferenceLayouts.dunkirk();
        Instant sop = dunkirk.rampUp().sop();
        LineSimulation sim = new LineSimulation(dunkirk, 5, sop, SimulationOptions.DEFAULT);
        long[] cells = new long[1];
        Duration[] longest = {Duration.ZERO};
        sim.advanceTo(sop.plus(Duration.ofDays(7)), e -> {
            if (e instanceof PlantEvent.CellCompleted c) {
                cells[0]++;
                for (StationPass p : c.genealogy().passes()) {
                    if (p.kind() != StationKind.FORMATION_AGEING) continue;
                    Duration d = Duration.between(p.start(), p.end());
                    if (d.compareTo(longest[0]) > 0) longest[0] = d;
                    assertTrue(d.compareTo(PUBLISHED_MAX) <= 0, c.cell() + " formed and aged for " + d);
                    assertTrue(d.compareTo(Duration.ofHours(24)) > 0, c.cell() + " formed and aged for only " + d);
                }
            }
        });
        assertTrue(cells[0] > 1000, "cells completed: " + cells[0]);
        assertTrue(longest[0].compareTo(Duration.ofDays(3)) > 0, "longest " + longest[0]);
    }
}
